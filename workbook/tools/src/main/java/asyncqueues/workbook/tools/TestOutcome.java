package asyncqueues.workbook.tools;

import asyncqueues.workbook.testing.ExerciseTags;
import asyncqueues.workbook.testing.TestFailure;
import asyncqueues.workbook.testing.TestResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What happened to one test of a stage run (or to one of its containers, when that failed).
 *
 * @param displayPath     the display names from the test class down to the test, e.g.
 *                        {@code ["CounterFutureTest", "Exercise 1.3: counts to three"]}
 * @param container       whether this is a container (a class, a nested class, a parameterized
 *                        method) rather than a test; containers are reported only when they fail
 *                        or are aborted
 * @param status          what happened
 * @param failure         why it failed or was aborted, or for a test that never ran, why its
 *                        container failed; {@code null} otherwise
 * @param skipReason      why it was skipped, or {@code null}
 * @param exercises       the exercises its tags name ({@code @Tag("exercise-1.3")}, on it or its
 *                        class): the one source of what it tests; a display name's
 *                        {@code "Exercise 1.3: ..."} is for people, and nothing reads it
 * @param elapsed         how long it ran, from its start to its end; zero if it did not run to its end
 */
public record TestOutcome(List<String> displayPath, boolean container, Status status, TestFailure failure,
        String skipReason, Set<ExerciseNumber> exercises, Duration elapsed) {

    /** What happened to a test. */
    public enum Status {
        SUCCESSFUL("passed"),
        FAILED("failed"),
        ABORTED("aborted"),
        SKIPPED("skipped"),
        /** It never started: its container failed or the run was stopped before it. */
        NOT_RUN("did not run"),
        /** It was running when its run was stopped: at the deadline, or by the end of the JVM. */
        STOPPED("was stopped while it ran");

        private final String description;

        Status(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    public TestOutcome {
        displayPath = List.copyOf(displayPath);
        Objects.requireNonNull(status, "status must not be null");
        exercises = Collections.unmodifiableSet(new TreeSet<>(exercises));
        Objects.requireNonNull(elapsed, "elapsed must not be null");
    }

    /** The outcome of a test (or container) at {@code displayPath} with {@code tags}. */
    static TestOutcome of(List<String> displayPath, List<String> tags, boolean container, Status status,
            TestFailure failure, String skipReason) {
        Set<ExerciseNumber> exercises = new LinkedHashSet<>();
        ExerciseTags.exercisesOf(tags).forEach(exercise -> exercises.add(ExerciseNumber.parse(exercise)));
        return new TestOutcome(displayPath, container, status, failure, skipReason, exercises, Duration.ZERO);
    }

    /** The same outcome, of a test that ran for {@code elapsed}. */
    TestOutcome took(Duration elapsed) {
        return new TestOutcome(displayPath, container, status, failure, skipReason, exercises, elapsed);
    }

    /** The display path written as one name: {@code "CounterFutureTest > Exercise 1.3: counts"}. */
    public String displayName() {
        return String.join(" > ", displayPath);
    }

    public boolean passed() {
        return status == Status.SUCCESSFUL;
    }

    /** Whether no tag names an exercise: it tests given code. */
    public boolean unlabelled() {
        return exercises.isEmpty();
    }

    /** The exercises named by every {@code ExerciseNotDone} among the failure, its causes and suppressed ones. */
    public List<String> exercisesNotDone() {
        return failure == null ? List.of() : failure.exercisesNotDone();
    }

    /** Whether this failed with the stub of {@code exercise}, as an unsolved exercise's test should. */
    public boolean failedWithExerciseNotDone(ExerciseNumber exercise) {
        return !passed() && exercisesNotDone().contains(exercise.toString());
    }

    /** This outcome as the exercise judgement reads it. */
    public TestResult toResult() {
        Set<String> numbers = new LinkedHashSet<>();
        exercises.forEach(exercise -> numbers.add(exercise.toString()));
        return new TestResult(displayName(), numbers, passed(), failure);
    }

    /** One line for a person: the name, what happened, and why. */
    public String summary() {
        String kind = container ? " (container)" : "";
        String why = failure != null ? ": " + failure.type() + (failure.message() == null ? "" : ": " + failure.message())
                : skipReason != null ? ": " + skipReason
                : "";
        return displayName() + kind + " " + status + why;
    }

    /** The failure as a throwable with the test's stack, to be the cause of a check's own failure. */
    public Throwable failureAsThrowable() {
        return failure == null ? null : RemoteFailure.of(failure);
    }

    /** A failure that happened in another JVM, rebuilt from its description for a stack trace. */
    static final class RemoteFailure extends Exception {

        private static final long serialVersionUID = 1L;

        private RemoteFailure(String description) {
            super(description);
        }

        static RemoteFailure of(TestFailure failure) {
            RemoteFailure remote = new RemoteFailure(failure.type()
                    + (failure.message() == null ? "" : ": " + failure.message()));
            remote.setStackTrace(failure.frames().toArray(StackTraceElement[]::new));
            if (failure.cause() != null) {
                remote.initCause(of(failure.cause()));
            }
            return remote;
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
