package asyncqueues.workbook.tools;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What happened to one test of a stage run (or to one of its containers, when that failed).
 *
 * @param displayPath    the display names from the test class down to the test, e.g.
 *                       {@code ["CounterFutureTest", "Exercise 1.3: counts to three"]}
 * @param container      whether this is a container (a class, a nested class, a parameterized
 *                       method) rather than a test; containers are reported only when they fail,
 *                       are aborted or are skipped
 * @param status         what happened
 * @param throwable      why it failed or was aborted, or for a test that never ran, why its
 *                       container failed; {@code null} otherwise
 * @param skipReason     why it was skipped, or {@code null}
 * @param exercises      the exercises named by the labels on the path, in order
 * @param malformedLabels the problems of display names on the path that look like labels but are not
 */
public record TestOutcome(List<String> displayPath, boolean container, Status status, Throwable throwable,
        String skipReason, Set<ExerciseNumber> exercises, List<String> malformedLabels) {

    /** What happened to a test. */
    public enum Status {
        SUCCESSFUL("passed"),
        FAILED("failed"),
        ABORTED("aborted"),
        SKIPPED("skipped"),
        /** It never started: its container failed or the run was stopped before it. */
        NOT_RUN("did not run");

        private final String description;

        Status(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** The name by which {@link #exerciseNotDone} recognises the stubs' exception in any class loader. */
    static final String EXERCISE_NOT_DONE = "asyncqueues.workbook.ExerciseNotDone";

    public TestOutcome {
        displayPath = List.copyOf(displayPath);
        Objects.requireNonNull(status, "status must not be null");
        exercises = Collections.unmodifiableSet(new TreeSet<>(exercises));
        malformedLabels = List.copyOf(malformedLabels);
    }

    /** The outcome of a test (or container) at {@code displayPath}, its labels read from the path. */
    static TestOutcome of(List<String> displayPath, boolean container, Status status, Throwable throwable,
            String skipReason) {
        Set<ExerciseNumber> exercises = new LinkedHashSet<>();
        List<String> malformed = new ArrayList<>();
        for (String name : displayPath) {
            switch (ExerciseLabels.parse(name)) {
                case ExerciseLabels.Parsed.Numbers(List<ExerciseNumber> numbers) -> exercises.addAll(numbers);
                case ExerciseLabels.Parsed.Malformed(String ignored, String problem) -> malformed.add(problem);
                case ExerciseLabels.Parsed.None() -> { }
            }
        }
        return new TestOutcome(displayPath, container, status, throwable, skipReason, exercises, malformed);
    }

    /** The display path written as one name: {@code "CounterFutureTest > Exercise 1.3: counts"}. */
    public String displayName() {
        return String.join(" > ", displayPath);
    }

    public boolean passed() {
        return status == Status.SUCCESSFUL;
    }

    /** Whether a test's labels name no exercise: it tests given code. */
    public boolean unlabelled() {
        return exercises.isEmpty();
    }

    /**
     * The exercises named by every {@code asyncqueues.workbook.ExerciseNotDone} among the
     * throwable, its causes and their suppressed exceptions, in the order met. The exception is
     * recognised by its class name and read reflectively, because it belongs to the run's class
     * loader, not to the tools'.
     */
    public List<String> exercisesNotDone() {
        List<String> exercises = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>();
        if (throwable != null) {
            pending.add(throwable);
        }
        while (!pending.isEmpty()) {
            Throwable next = pending.removeFirst();
            if (!seen.add(next)) {
                continue; // a cause chain may loop back
            }
            if (next.getClass().getName().equals(EXERCISE_NOT_DONE)) {
                exerciseOf(next).ifPresent(exercises::add);
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
        }
        return exercises;
    }

    private static Optional<String> exerciseOf(Throwable exerciseNotDone) {
        try {
            Object exercise = exerciseNotDone.getClass().getMethod("exercise").invoke(exerciseNotDone);
            return Optional.of(String.valueOf(exercise));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty(); // an ExerciseNotDone without exercise() names no exercise the check can trust
        }
    }

    /** Whether this failed with the stub of {@code exercise}, as an unsolved exercise's test should. */
    public boolean failedWithExerciseNotDone(ExerciseNumber exercise) {
        return !passed() && exercisesNotDone().contains(exercise.toString());
    }

    /** One line for a person: the name, what happened, and why. */
    public String summary() {
        String kind = container ? " (container)" : "";
        String why = throwable != null ? ": " + throwable
                : skipReason != null ? ": " + skipReason
                : "";
        return displayName() + kind + " " + status + why;
    }
}
