package asyncqueues.workbook.testing;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One test's result, as the judgement of exercises needs it.
 *
 * @param name      the test's display names from its class down, joined by {@code " > "}
 * @param exercises the exercises its tags name; none for a test of the given code
 * @param passed    whether it passed
 * @param failure   why it did not pass, or {@code null} (it passed, or never ran)
 */
public record TestResult(String name, Set<String> exercises, boolean passed, TestFailure failure) {

    public TestResult {
        Objects.requireNonNull(name, "name must not be null");
        TreeSet<String> sorted = new TreeSet<>(ExerciseOrder.NUMBERS);
        sorted.addAll(exercises);
        exercises = Collections.unmodifiableSet(sorted);
    }

    /** Whether it failed with the stub of {@code exercise}: that exercise is not started. */
    public boolean failedWithStubOf(String exercise) {
        return !passed && failure != null && failure.exercisesNotDone().contains(exercise);
    }
}
