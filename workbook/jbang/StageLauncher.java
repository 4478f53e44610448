import asyncqueues.workbook.ExerciseNotDone;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a stage's {@code Main} for the jbang scripts, and turns an exercise that is not done yet
 * into two lines that name it and its hint command, instead of a stack trace.
 *
 * <p>An unsolved exercise's stub throws {@link ExerciseNotDone}, which can surface in three
 * places: on the main thread itself; inside a task, where {@code Futures.blockOn} rethrows it as
 * the cause of a {@code CompletionException}; or on a consumer thread whose loop is itself the
 * exercise, which then dies while {@code main} waits for a task that nobody will ever run. So
 * the launcher searches the cause chain of whatever {@code main} throws, and installs a default
 * uncaught-exception handler for every other thread. Either way it ends the program with status
 * 1 through {@link System#exit}, since {@code main} may be parked for good and would keep the JVM
 * alive; and it reports only the first exercise to surface, as two threads may each hit one.
 *
 * <p>Any other failure is left as it is: thrown out of {@code main}, or printed as the JVM
 * prints an uncaught exception.
 */
final class StageLauncher {

    /** A stage's {@code Main.main}. */
    @FunctionalInterface
    interface StageMain {
        void main(String[] args) throws Exception;
    }

    private StageLauncher() {}

    /** Runs {@code stageMain} with {@code args}; exits with status 1 on an unsolved exercise. */
    static void launch(StageMain stageMain, String[] args) throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(StageLauncher::uncaught);
        try {
            stageMain.main(args);
        } catch (Throwable failure) {
            exerciseIn(failure).ifPresent(StageLauncher::reportAndExit);
            throw failure;
        }
    }

    private static void uncaught(Thread thread, Throwable failure) {
        exerciseIn(failure).ifPresent(StageLauncher::reportAndExit);
        // What the JVM prints when no handler is installed (ThreadGroup.uncaughtException).
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        failure.printStackTrace(System.err);
    }

    /** The first {@link ExerciseNotDone} in the cause chain of {@code failure}, if any. */
    static Optional<ExerciseNotDone> exerciseIn(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>()); // chains can loop
        for (Throwable cause = failure; cause != null && seen.add(cause);
                cause = cause.getCause()) {
            if (cause instanceof ExerciseNotDone notDone) {
                return Optional.of(notDone);
            }
        }
        return Optional.empty();
    }

    /**
     * Synchronized, and never returns: the first thread to get here prints and exits while it
     * holds the lock, so a second thread with an exercise of its own waits instead of exiting
     * before the first one's message is out.
     */
    private static synchronized void reportAndExit(ExerciseNotDone notDone) {
        String exercise = notDone.exercise();
        String module = ExerciseNotDone.moduleOf(exercise);
        System.out.flush(); // the program's own lines first
        System.err.println("Exercise " + exercise + " is not done yet (" + module + ")."
                + " For a hint: ./jbang hint " + exercise);
        System.err.println("Write it in " + notDone.location() + ", between its EXERCISE " + exercise + " markers.");
        System.err.println("Its tests: mvn test -pl " + module + " -Dgroups=exercise-" + exercise
                + "; or, on each save: ./jbang watch " + exercise);
        System.exit(1);
    }
}
