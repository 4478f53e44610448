package asyncqueues.workbook.tools;

import java.util.List;
import java.util.Optional;

/**
 * The outcomes of one {@link StageTestRun}.
 *
 * @param outcomes every test, and every container that failed or was aborted, in the order the
 *                 engine found them
 * @param problem  what kept the run from finishing, if anything did: the launcher could not run,
 *                 the deadline came, or the JVM ended early (the tests that had not finished
 *                 by then are {@link TestOutcome.Status#NOT_RUN} or {@link TestOutcome.Status#STOPPED})
 */
public record StageTestResults(List<TestOutcome> outcomes, Optional<String> problem) {

    public StageTestResults {
        outcomes = List.copyOf(outcomes);
    }

    /** Whether every test ran to its end. */
    public boolean completed() {
        return problem.isEmpty();
    }

    /** The outcomes of tests (not containers). */
    public List<TestOutcome> tests() {
        return outcomes.stream().filter(outcome -> !outcome.container()).toList();
    }

    /** The outcomes (tests and failed containers) whose tags name {@code exercise}. */
    public List<TestOutcome> labelledWith(ExerciseNumber exercise) {
        return outcomes.stream().filter(outcome -> outcome.exercises().contains(exercise)).toList();
    }

    /** The outcomes (tests and failed containers) of given code: no tag names an exercise. */
    public List<TestOutcome> unlabelled() {
        return outcomes.stream().filter(TestOutcome::unlabelled).toList();
    }

    /** What kept the run from finishing, if anything did. */
    public Optional<String> incompleteness() {
        return problem;
    }
}
