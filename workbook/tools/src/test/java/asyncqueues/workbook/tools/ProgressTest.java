package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import asyncqueues.workbook.tools.Progress.State;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ProgressTest {

    @TempDir
    Path dir;

    private WorkbookLayout layout;
    private ExerciseCatalog catalog;

    @BeforeEach
    void copyFixture() {
        layout = Fixture.copyTo(dir);
        catalog = ExerciseCatalog.load(layout);
    }

    private Exercise exercise(ExerciseNumber number) {
        return catalog.find(number).orElseThrow();
    }

    @Test
    void showsSolvedUnsolvedAndUncompilableExercises() {
        Fixture.solve(layout, exercise(Fixture.SUBTRACT));
        Fixture.edit(layout.root().resolve("step02-multi-worker/src/main/java/" + Fixture.DOUBLER),
                "private Doubler() {}", "private Doubler() {");

        Progress.Report report = new Progress(layout, catalog).measure();

        assertThat(report.exercises()).extracting(row -> row.exercise().number(), Progress.ExerciseProgress::state)
                .containsExactly(
                        tuple(Fixture.ADD, State.NOT_SOLVED),
                        tuple(Fixture.NEGATE, State.NOT_SOLVED),
                        tuple(Fixture.SUBTRACT, State.SOLVED),
                        tuple(Fixture.DOUBLE, State.DOES_NOT_COMPILE));
        assertThat(report.solved()).isEqualTo(1);
        assertThat(report.allSolved()).isFalse();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("""
                Exercises of the workbook at %s

                step01-single-queue
                  1.1   add two numbers                   not solved (not started: still the stub)
                  1.2   negate a number                   not solved (not started: still the stub)
                  1.3   subtract one number from another  solved

                step02-multi-worker
                    does not compile:
                    step02-multi-worker/src/main/java/asyncqueues/step02/Doubler.java:11: error: illegal start of expression
                  2.1   double with the foundation        does not compile

                1/4 solved
                """.formatted(layout.root()));
    }

    @Test
    void aFailingSharedTestCountsAgainstTheExerciseWhoseOwnTestsFailAndABrokenGivenTestIsNoted() {
        Fixture.solve(layout, exercise(Fixture.ADD));
        Fixture.solve(layout, exercise(Fixture.DOUBLE));
        Fixture.edit(layout.root().resolve("step01-single-queue/src/main/java/" + Fixture.ADDER),
                "throw new ExerciseNotDone(\"1.2\");", "return a == 0 ? 0 : a;");
        Fixture.edit(layout.root().resolve("step01-single-queue/src/main/java/asyncqueues/step01/Counter.java"),
                "return ++count;", "return count++;");

        Progress.Report report = new Progress(layout, catalog).measure();

        // 1.1's own test passes and the test it shares with 1.2 fails; 1.2's own test fails too,
        // so the shared failure is 1.2's: 1.1 is solved, 1.2 is not.
        assertThat(report.stages().getFirst().exercises())
                .extracting(Progress.ExerciseProgress::state, Progress.ExerciseProgress::detail)
                .containsExactly(tuple(State.SOLVED, ""),
                        tuple(State.NOT_SOLVED, "2 of 3 tests fail"),
                        tuple(State.NOT_SOLVED, "not started: still the stub"));
        assertThat(report.stages().getFirst().notes()).singleElement().asString()
                .startsWith("1 test(s) of the given code fail; was code outside the exercise regions changed?"
                        + " First: AdderTest > theCounterStartsAtOneInEveryRun() failed: ");
        assertThat(report.stages().get(1).exercises()).extracting(Progress.ExerciseProgress::state)
                .containsExactly(State.SOLVED);
    }

    @Test
    void theCommandExitsWithOneUntilEveryExerciseIsSolvedThenWithZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(Workbook.run(layout.root(), stream, stream, "progress")).isEqualTo(Workbook.FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("\n0/4 solved\n");

        catalog.exercises().forEach(exercise -> Fixture.solve(layout, exercise));
        out.reset();

        assertThat(Workbook.run(layout.root(), stream, stream, "progress")).isEqualTo(Workbook.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("\n4/4 solved\n");
    }

    @Test
    void aFoundationThatDoesNotCompileIsAFailureThatSaysWhere() {
        Fixture.edit(layout.root().resolve("async-task/src/main/java/asyncqueues/task/Numbers.java"),
                "return 2 * value;", "return 2 * value");

        assertThatThrownBy(() -> new Progress(layout, catalog).measure())
                .isInstanceOf(WorkbookException.class)
                .hasMessageContaining("the foundation (async-task, workbook/support) does not compile")
                .hasMessageContaining("async-task/src/main/java/asyncqueues/task/Numbers.java:9: error: ';' expected");
    }
}
