package asyncqueues.workbook.testing;

import asyncqueues.workbook.ExerciseNotDone;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Why a test failed, kept as plain data: what a report shows of a throwable, which can cross from
 * the JVM that ran the test to the one that reports on it.
 *
 * @param type             the throwable's class name
 * @param message          its message, or {@code null}
 * @param frames           its stack, innermost first, cut at {@value #MAX_FRAMES} frames
 * @param cause            its cause's failure, or {@code null}
 * @param exercisesNotDone the exercises of every {@link ExerciseNotDone} in the throwable, its
 *                         causes and their suppressed throwables, in the order met
 */
public record TestFailure(String type, String message, List<StackTraceElement> frames, TestFailure cause,
        List<String> exercisesNotDone) {

    static final int MAX_FRAMES = 64;
    private static final int MAX_CAUSES = 8;

    /**
     * The failures that mean "what the test waited for did not happen in time": JUnit's
     * {@code @Timeout}, Awaitility's bound, and the stages' own bounded waits.
     */
    private static final Set<String> TIMEOUTS = Set.of(
            "java.util.concurrent.TimeoutException",
            "org.awaitility.core.ConditionTimeoutException",
            NotInTime.class.getName());

    public TestFailure {
        Objects.requireNonNull(type, "type must not be null");
        frames = List.copyOf(frames);
        exercisesNotDone = List.copyOf(exercisesNotDone);
    }

    /** The failure that {@code thrown} describes. */
    public static TestFailure of(Throwable thrown) {
        Objects.requireNonNull(thrown, "thrown must not be null");
        return of(thrown, exercisesNotDoneIn(thrown), Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    }

    private static TestFailure of(Throwable thrown, List<String> exercisesNotDone, Set<Throwable> seen, int depth) {
        seen.add(thrown);
        Throwable next = thrown.getCause();
        TestFailure cause = next == null || seen.contains(next) || depth == MAX_CAUSES
                ? null
                : of(next, List.of(), seen, depth + 1);
        StackTraceElement[] stack = thrown.getStackTrace();
        List<StackTraceElement> frames = List.of(stack).subList(0, Math.min(stack.length, MAX_FRAMES));
        return new TestFailure(thrown.getClass().getName(), thrown.getMessage(), frames, cause, exercisesNotDone);
    }

    /** The exercise of every {@code ExerciseNotDone} in {@code thrown}'s causes and suppressed throwables. */
    private static List<String> exercisesNotDoneIn(Throwable thrown) {
        List<String> exercises = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>()); // a cause chain may loop
        List<Throwable> pending = new ArrayList<>(List.of(thrown));
        while (!pending.isEmpty()) {
            Throwable next = pending.removeFirst();
            if (seen.add(next)) {
                if (next instanceof ExerciseNotDone notDone && !exercises.contains(notDone.exercise())) {
                    exercises.add(notDone.exercise());
                }
                if (next.getCause() != null) {
                    pending.add(next.getCause());
                }
                pending.addAll(List.of(next.getSuppressed()));
            }
        }
        return exercises;
    }

    /** Whether this failure, or one of its causes, says that something did not happen in time. */
    public boolean timedOut() {
        for (TestFailure failure = this; failure != null; failure = failure.cause()) {
            if (TIMEOUTS.contains(failure.type())) {
                return true;
            }
        }
        return false;
    }

    /** The class name without its package, for a person. */
    public String simpleType() {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** {@code SimpleType: message} or the simple type alone, as a first line of a report. */
    public String headline() {
        return message == null || message.isBlank() ? simpleType() : simpleType() + ": " + message.strip();
    }

    /** The innermost frame of this failure or of its causes that {@code wanted} accepts, or {@code null}. */
    public StackTraceElement firstFrame(Predicate<StackTraceElement> wanted) {
        for (TestFailure failure = this; failure != null; failure = failure.cause()) {
            for (StackTraceElement frame : failure.frames()) {
                if (wanted.test(frame)) {
                    return frame;
                }
            }
        }
        return null;
    }
}
