package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.workbook.tools.TestOutcome.Status;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestOutcomeTest {

    @TempDir
    static Path dir;

    /** The fixture's ExerciseNotDone, loaded apart from the tools, as a stage run loads it. */
    private static Class<?> exerciseNotDone;

    @BeforeAll
    static void loadExerciseNotDone() throws Exception {
        Path support = Fixture.copyTo(dir).foundationSources().get(1);
        try (SourceCompiler compiler = new SourceCompiler()) {
            assertThat(compiler.compile(List.of(support), List.of(), dir.resolve("classes")).errors()).isEmpty();
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()});
        exerciseNotDone = loader.loadClass(TestOutcome.EXERCISE_NOT_DONE);
    }

    private static RuntimeException notDone(String exercise) throws Exception {
        return (RuntimeException) exerciseNotDone.getConstructor(String.class).newInstance(exercise);
    }

    @Test
    void theLabelsOfEveryNameOnThePathCount() {
        TestOutcome outcome = TestOutcome.of(List.of("Exercise 1.2: negate", "Exercises 1.3, 1.1: both"), false,
                Status.SUCCESSFUL, null, null);

        assertThat(outcome.exercises()).containsExactly(
                ExerciseNumber.parse("1.1"), ExerciseNumber.parse("1.2"), ExerciseNumber.parse("1.3"));
        assertThat(outcome.unlabelled()).isFalse();
        assertThat(outcome.malformedLabels()).isEmpty();
        assertThat(outcome.displayName()).isEqualTo("Exercise 1.2: negate > Exercises 1.3, 1.1: both");
    }

    @Test
    void aMalformedLabelIsKeptAsAProblemAndNamesNoExercise() {
        TestOutcome outcome = TestOutcome.of(List.of("AdderTest", "Exercise 1.1 adds"), false, Status.SUCCESSFUL,
                null, null);

        assertThat(outcome.unlabelled()).isTrue();
        assertThat(outcome.malformedLabels()).singleElement().asString().contains("'Exercise 1.1 adds'");
    }

    @Test
    void everyExerciseNotDoneAmongCausesAndSuppressedIsFound() throws Exception {
        RuntimeException failure = new IllegalStateException("wrapped", notDone("1.1"));
        failure.addSuppressed(new RuntimeException(notDone("1.3")));

        TestOutcome outcome = TestOutcome.of(List.of("T", "t()"), false, Status.FAILED, failure, null);

        assertThat(outcome.exercisesNotDone()).containsExactly("1.1", "1.3");
        assertThat(outcome.failedWithExerciseNotDone(ExerciseNumber.parse("1.3"))).isTrue();
        assertThat(outcome.failedWithExerciseNotDone(ExerciseNumber.parse("1.2"))).isFalse();
    }

    @Test
    void anExceptionThatOnlyReadsLikeItOrAPassedTestDoesNotCount() throws Exception {
        RuntimeException lookAlike = new RuntimeException("Exercise 1.1 is not done yet");
        TestOutcome failed = TestOutcome.of(List.of("T", "t()"), false, Status.FAILED, lookAlike, null);
        TestOutcome passed = TestOutcome.of(List.of("T", "t()"), false, Status.SUCCESSFUL, notDone("1.1"), null);

        assertThat(failed.exercisesNotDone()).isEmpty();
        assertThat(passed.failedWithExerciseNotDone(ExerciseNumber.parse("1.1"))).isFalse();
    }

    @Test
    void theSummarySaysWhatHappenedAndWhy() {
        assertThat(TestOutcome.of(List.of("T", "t()"), false, Status.FAILED, new AssertionError("boom"), null).summary())
                .isEqualTo("T > t() failed: java.lang.AssertionError: boom");
        assertThat(TestOutcome.of(List.of("T"), true, Status.ABORTED, new IllegalStateException("no"), null).summary())
                .isEqualTo("T (container) aborted: java.lang.IllegalStateException: no");
        assertThat(TestOutcome.of(List.of("T", "t()"), false, Status.SKIPPED, null, "disabled").summary())
                .isEqualTo("T > t() skipped: disabled");
        assertThat(TestOutcome.of(List.of("T", "t()"), false, Status.NOT_RUN, null, null).summary())
                .isEqualTo("T > t() did not run");
    }
}
