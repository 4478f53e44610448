package asyncqueues.workbook.tools;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcomes of one {@link StageTestRun}.
 *
 * @param outcomes        every test, and every container that failed or was aborted, in the
 *                        order the engine found them
 * @param completed       whether the run finished within its deadline (if not, the tests that
 *                        had not finished by then are {@link TestOutcome.Status#NOT_RUN})
 * @param launcherFailure what stopped the JUnit Platform from running at all, or {@code null}
 * @param deadline        how long the run was given
 */
public record StageTestResults(List<TestOutcome> outcomes, boolean completed, Throwable launcherFailure,
        Duration deadline) {

    public StageTestResults {
        outcomes = List.copyOf(outcomes);
    }

    /** The outcomes of tests (not containers). */
    public List<TestOutcome> tests() {
        return outcomes.stream().filter(outcome -> !outcome.container()).toList();
    }

    /** The outcomes (tests and failed containers) whose labels name {@code exercise}. */
    public List<TestOutcome> labelledWith(ExerciseNumber exercise) {
        return outcomes.stream().filter(outcome -> outcome.exercises().contains(exercise)).toList();
    }

    /** The outcomes (tests and failed containers) of given code: no label names an exercise. */
    public List<TestOutcome> unlabelled() {
        return outcomes.stream().filter(TestOutcome::unlabelled).toList();
    }

    /** What kept the run from finishing, if anything did: a launcher failure or the deadline. */
    public Optional<String> incompleteness() {
        if (launcherFailure != null) {
            return Optional.of("the JUnit Platform could not run the tests: " + launcherFailure);
        }
        if (!completed) {
            return Optional.of("the tests did not finish within " + deadline.toSeconds() + " s (a test that hangs"
                    + " with no @Timeout?); the tests still running were abandoned");
        }
        return Optional.empty();
    }
}
