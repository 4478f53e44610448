package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.workbook.ExerciseNotDone;
import asyncqueues.workbook.testing.TestFailure;
import asyncqueues.workbook.tools.TestOutcome.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestOutcomeTest {

    private static TestOutcome outcome(List<String> path, List<String> tags, Status status, Throwable thrown) {
        return TestOutcome.of(path, tags, false, status, thrown == null ? null : TestFailure.of(thrown), null);
    }

    @Test
    void itsExercisesAreThoseItsTagsName() {
        TestOutcome outcome = outcome(List.of("Exercise 1.2: negate", "Exercises 1.3, 1.1: both"),
                List.of("exercise-1.2", "exercise-1.3", "exercise-1.1", "stress"), Status.SUCCESSFUL, null);

        assertThat(outcome.exercises()).containsExactly(
                ExerciseNumber.parse("1.1"), ExerciseNumber.parse("1.2"), ExerciseNumber.parse("1.3"));
        assertThat(outcome.unlabelled()).isFalse();
        assertThat(outcome.displayName()).isEqualTo("Exercise 1.2: negate > Exercises 1.3, 1.1: both");
    }

    @Test
    void aDisplayNameThatSaysExerciseButHasNoTagTestsGivenCode() {
        TestOutcome untagged = outcome(List.of("AdderTest", "Exercise 1.1: adds"), List.of(), Status.SUCCESSFUL, null);

        assertThat(untagged.exercises()).isEmpty();
        assertThat(untagged.unlabelled()).isTrue();
    }

    @Test
    void everyExerciseNotDoneAmongCausesAndSuppressedIsFound() {
        RuntimeException failure = new IllegalStateException("wrapped", new ExerciseNotDone("1.1"));
        failure.addSuppressed(new RuntimeException(new ExerciseNotDone("1.3")));

        TestOutcome outcome = outcome(List.of("T", "t()"), List.of(), Status.FAILED, failure);

        assertThat(outcome.exercisesNotDone()).containsExactly("1.1", "1.3");
        assertThat(outcome.failedWithExerciseNotDone(ExerciseNumber.parse("1.3"))).isTrue();
        assertThat(outcome.failedWithExerciseNotDone(ExerciseNumber.parse("1.2"))).isFalse();
    }

    @Test
    void anExceptionThatOnlyReadsLikeItOrAPassedTestDoesNotCount() {
        TestOutcome failed = outcome(List.of("T", "t()"), List.of(), Status.FAILED,
                new RuntimeException("Exercise 1.1 is not done yet"));
        TestOutcome passed = outcome(List.of("T", "t()"), List.of(), Status.SUCCESSFUL, new ExerciseNotDone("1.1"));

        assertThat(failed.exercisesNotDone()).isEmpty();
        assertThat(passed.failedWithExerciseNotDone(ExerciseNumber.parse("1.1"))).isFalse();
    }

    @Test
    void theSummarySaysWhatHappenedAndWhy() {
        assertThat(outcome(List.of("T", "t()"), List.of(), Status.FAILED, new AssertionError("boom")).summary())
                .isEqualTo("T > t() failed: java.lang.AssertionError: boom");
        assertThat(TestOutcome.of(List.of("T"), List.of(), true, Status.ABORTED,
                TestFailure.of(new IllegalStateException("no")), null).summary())
                .isEqualTo("T (container) aborted: java.lang.IllegalStateException: no");
        assertThat(TestOutcome.of(List.of("T", "t()"), List.of(), false, Status.SKIPPED, null, "disabled").summary())
                .isEqualTo("T > t() skipped: disabled");
        assertThat(outcome(List.of("T", "t()"), List.of(), Status.NOT_RUN, null).summary())
                .isEqualTo("T > t() did not run");
    }

    @Test
    void theFailureBecomesAThrowableWithTheTestsStack() {
        AssertionError thrown = new AssertionError("expected 3", new IllegalStateException("inner"));
        Throwable rebuilt = outcome(List.of("T", "t()"), List.of(), Status.FAILED, thrown).failureAsThrowable();

        assertThat(rebuilt).hasMessage("java.lang.AssertionError: expected 3");
        assertThat(rebuilt.getStackTrace()).startsWith(thrown.getStackTrace()[0], thrown.getStackTrace()[1]);
        assertThat(rebuilt.getCause()).hasMessage("java.lang.IllegalStateException: inner");
    }
}
