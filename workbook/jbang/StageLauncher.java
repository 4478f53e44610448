import asyncqueues.workbook.ExerciseNotDone;
import asyncqueues.workbook.trace.TracedRun;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 *
 * <p>A mistake can also make a program wait for good: a consumer that never takes a runnable, a
 * task never scheduled or never woken. So a watchdog ends a program still running well past the
 * chapter's time ({@link #boundFor}), or still alive {@value #EXIT_GRACE_SECONDS} s after
 * {@code main} returned (a consumer that is not a daemon thread keeps the JVM alive), and says
 * where each of its threads is: that names the loop that spins, or the join that waits.
 */
final class StageLauncher {

    /** A stage's {@code Main.main}. */
    @FunctionalInterface
    interface StageMain {
        void main(String[] args) throws Exception;
    }

    static final int EXIT_GRACE_SECONDS = 5;

    private StageLauncher() {}

    /**
     * Runs {@code stageMain} with {@code args}; exits with status 1 on an unsolved exercise, or
     * when the program runs on past its time.
     */
    static void launch(StageMain stageMain, String[] args) throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(StageLauncher::uncaught);
        Duration bound = boundFor(args);
        TracedRun trace = TracedRun.startIfAsked(args, titleOf(StackWalker.getInstance(
                StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass()));
        String[] programArgs = TracedRun.programArguments(args);
        Thread.ofPlatform().daemon().name("stage-watchdog").start(() -> {
            sleep(bound);
            reportStuckAndExit("The program is still running after " + bound.toSeconds() + " s, several times the"
                    + " chapter's own time: something it waits for does not happen.");
        });
        try {
            stageMain.main(programArgs);
        } catch (Throwable failure) {
            exerciseIn(failure).ifPresent(StageLauncher::reportAndExit);
            throw failure;
        }
        if (trace != null) {
            System.out.print("\n" + trace.finish());
        }
        // The JVM ends when main has returned and only daemon threads are left; if it does not:
        Thread.ofPlatform().daemon().name("stage-exit-watchdog").start(() -> {
            sleep(Duration.ofSeconds(EXIT_GRACE_SECONDS));
            reportStuckAndExit("main returned " + EXIT_GRACE_SECONDS + " s ago, but the program goes on: a thread"
                    + " that is not a daemon keeps it alive (are the consumers started with .daemon()?).");
        });
    }

    /** {@code Step04Solution} as "Stage 4, the reference code", {@code Step04} as "Stage 4, your code". */
    static String titleOf(Class<?> script) {
        Matcher stage = Pattern.compile("Step0*(\\d+)(Solution)?").matcher(script.getSimpleName());
        if (!stage.matches()) {
            return "A run of " + script.getSimpleName();
        }
        return "Stage " + stage.group(1) + ", " + (stage.group(2) == null ? "your code" : "the reference code")
                + ": which consumer thread polled which task, when";
    }

    /** Several times a stage program's time: 12 s at most at the chapter's pace, 3 s with --fast. */
    static Duration boundFor(String[] args) {
        return Arrays.asList(args).contains("--fast") ? Duration.ofSeconds(15) : Duration.ofSeconds(90);
    }

    /** Says what is wrong and where every thread of the program is, then ends it with status 1. */
    private static synchronized void reportStuckAndExit(String what) {
        System.out.flush();
        System.err.println(what);
        System.err.println("Where its threads are now:");
        Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();
        threads.keySet().stream()
                .filter(thread -> !thread.getName().startsWith("stage-") && !thread.getName().equals("DestroyJavaVM")
                        && isProgramThread(thread))
                .sorted(Comparator.comparing((Thread thread) -> !thread.getName().equals("main"))
                        .thenComparing(Thread::getName))
                .forEach(thread -> System.err.println("  " + describe(thread, threads.get(thread))));
        if (threads.keySet().stream().noneMatch(thread -> CONSUMER_NAME.matcher(thread.getName()).matches())) {
            System.err.println("  (no consumer thread is alive: did a consumer loop return, or die of an exception?)");
        }
        String module = stageModule(threads.values());
        System.err.println("Its tests say more: mvn test -pl " + module + ", or, on each save: ./jbang watch");
        System.exit(1);
    }

    private static final Pattern STAGE_PACKAGE = Pattern.compile("asyncqueues\\.step0*([1-9][0-9]*)\\..*");
    private static final Pattern CONSUMER_NAME = Pattern.compile("(queue|high|low)-worker-\\d+");

    /** The module of the stage whose classes are on the stacks, e.g. step01-single-queue. */
    private static String stageModule(Collection<StackTraceElement[]> stacks) {
        for (StackTraceElement[] stack : stacks) {
            for (StackTraceElement frame : stack) {
                Matcher stage = STAGE_PACKAGE.matcher(frame.getClassName());
                if (stage.matches()) {
                    return ExerciseNotDone.moduleOf(stage.group(1) + ".1");
                }
            }
        }
        return "<the stage's module>";
    }

    /** The threads of the program rather than of the JVM: main, the consumers, any it started. */
    private static boolean isProgramThread(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        return group != null && !group.getName().equals("system") && !thread.getName().startsWith("Common-Cleaner");
    }

    /**
     * {@code name  STATE  in Futures.blockOn (Futures.java:53), called from Main.run (Main.java:40)}:
     * the stage's innermost frame, and the foundation's method it called, if any.
     */
    private static String describe(Thread thread, StackTraceElement[] stack) {
        int stage = 0;
        while (stage < stack.length && !STAGE_PACKAGE.matcher(stack[stage].getClassName()).matches()) {
            stage++;
        }
        String where = "";
        if (stage < stack.length) {
            where = "  in " + (stage > 0 && stack[stage - 1].getClassName().startsWith("asyncqueues.")
                    ? shown(stack[stage - 1]) + ", called from " + shown(stack[stage])
                    : shown(stack[stage]));
        }
        String daemon = thread.isDaemon() || thread.getName().equals("main") ? "" : " (not a daemon)";
        return String.format("%-16s %-13s%s%s", thread.getName(), thread.getState(), where, daemon);
    }

    private static String shown(StackTraceElement frame) {
        return simpleName(frame.getClassName()) + "." + frame.getMethodName() + " (" + frame.getFileName() + ":"
                + frame.getLineNumber() + ")";
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
