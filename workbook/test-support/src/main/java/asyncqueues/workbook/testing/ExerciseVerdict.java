package asyncqueues.workbook.testing;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where one exercise stands after a run of its tests.
 *
 * @param exercise the exercise's number
 * @param state    the verdict
 * @param tests    how many of its tests ran
 * @param failing  its failing tests that count against it: its own first (tests of it alone),
 *                 then those it shares, each in the order they ran
 * @param waiting  its other failing tests: tests it shares with exercises they wait for (failing
 *                 because of another one's stub or own failures), which do not count against it
 * @param waitsFor the exercises those tests wait for
 */
public record ExerciseVerdict(String exercise, State state, int tests, List<TestResult> failing, int waiting,
        Set<String> waitsFor) {

    /** The verdict on an exercise. */
    public enum State {
        /** Every test of it passes, but for tests that wait for another exercise. */
        SOLVED,
        /** None of its tests passed or failed on its account: they all wait for other exercises. */
        WAITING,
        /** Its code is still the stub. */
        NOT_STARTED,
        /** A test of it fails because something it waited for did not happen in time. */
        TIMED_OUT,
        /** Tests of it fail. */
        FAILING,
        /** No test names it (a workbook defect, which the check reports). */
        UNTESTED
    }

    public ExerciseVerdict {
        Objects.requireNonNull(exercise, "exercise must not be null");
        Objects.requireNonNull(state, "state must not be null");
        failing = List.copyOf(failing);
        waitsFor = Set.copyOf(waitsFor);
    }

    public boolean solved() {
        return state == State.SOLVED;
    }

    /** How many of its tests pass. */
    public int passing() {
        return tests - failing.size() - waiting;
    }

    /** The first failing test that counts against the exercise, or {@code null} if none does. */
    public TestResult firstFailure() {
        return failing.isEmpty() ? null : failing.getFirst();
    }
}
