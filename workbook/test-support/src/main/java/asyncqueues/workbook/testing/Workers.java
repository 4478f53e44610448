package asyncqueues.workbook.testing;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Bounded waits on a stage's runtime: on the consumer threads of its global queues
 * ({@code queue-worker-N}, {@code high-worker-N}, {@code low-worker-N}), which the tests do not
 * hold, and on the tasks those threads run.
 *
 * <p>Why: {@code Futures.blockOn} does not give up on an interrupt, so a test that blocked on a
 * task that never finishes would hang for good. The tests wait here instead, for a bound, and a
 * wait that runs out says why the task has not finished and what each consumer is doing. When no
 * consumer of the runtime is alive (its loop threw as it started: an exercise stub, say) no task
 * can ever run, and the waits fail at once, saying so.
 *
 * <p>Each stage makes one, in its {@code StageRuntime}, naming the loop its consumers run (and,
 * where that helps, what to check when work does not get done), so that a failure says where
 * to look.
 *
 * <p>The runtime is that of the calling thread's world. Threads inherit the context class loader
 * of the thread that starts them, so the consumers that a test's spawns start carry the test
 * thread's; those of another runtime in the same JVM (an {@link IsolatedStage} world) carry
 * another.
 */
public final class Workers {

    /** The names of every stage's consumer threads: queue-worker-N, high-worker-N and low-worker-N. */
    public static final Pattern CONSUMER_NAMES = Pattern.compile("(queue|high|low)-worker-\\d+");

    /** How long {@link #runWatched} waits for a program: {@code Main --fast} runs for about 15 ticks of 50 ms. */
    public static final Duration MAIN_RETURNS = Duration.ofSeconds(3);

    /**
     * How long {@link #awaitValue} and {@code ConsumerPool.join} wait for a task: a second longer
     * than a task of {@link TestFutures#meetingAt} waits for the others, so that when they cannot
     * all run at once, its failure, which says so, comes first.
     */
    public static final Duration TASK_BOUND = Within.MOMENT.plusSeconds(1);

    private final String loop;
    private final String stuckHint;

    private Workers(String loop, String stuckHint) {
        this.loop = Objects.requireNonNull(loop, "loop must not be null");
        this.stuckHint = stuckHint;
    }

    /**
     * The waits on a runtime whose consumers run {@code loop}, which a failure names when none of
     * them is alive: {@code "the stealing loop, StealingLoop.consume (exercise 4.1)"}.
     */
    public static Workers running(String loop) {
        return new Workers(loop, null);
    }

    /**
     * These waits, with {@code hint} added to the failure of every one that runs out: what the
     * runtime needs for queued work to be done at all (stage 7's wake-ups, say).
     */
    public Workers whenStuck(String hint) {
        return new Workers(loop, Objects.requireNonNull(hint, "hint must not be null"));
    }

    /** The live consumer threads of the calling thread's runtime, sorted by name. */
    public List<Thread> consumers() {
        ClassLoader world = Thread.currentThread().getContextClassLoader();
        return ThreadReport.liveThreadsNamed(CONSUMER_NAMES.pattern()).stream()
                .filter(thread -> thread.getContextClassLoader() == world)
                .toList();
    }

    /**
     * Waits, for {@link Within#MOMENT} at most, until {@code condition} holds; fails with
     * {@code failure} and what the consumers are doing, and at once if no consumer is alive. Call
     * it once the runtime has started (after a spawn): before that, no consumer is alive either.
     */
    public void awaitUntil(BooleanSupplier condition, Supplier<String> failure) {
        await(Within.MOMENT, condition, failure);
    }

    /** As {@link #awaitUntil}, until every one of {@code tasks} has finished. */
    public void awaitFinished(Task<?>... tasks) {
        awaitUntil(() -> Arrays.stream(tasks).allMatch(Task::isFinished), () -> "the tasks did not finish: "
                + Arrays.stream(tasks).filter(task -> !task.isFinished()).map(task -> explain(task, null))
                        .collect(Collectors.joining("; ")));
    }

    /** As {@link #awaitValue(Task, String)}, with no more to say about a task that returned Pending. */
    public <T> T awaitValue(Task<T> task) {
        return awaitValue(task, null);
    }

    /**
     * Waits, for {@link #TASK_BOUND} at most, until {@code task}, spawned on the runtime, has
     * finished, and returns its value (or throws as {@link Futures#blockOn} does). If it does not
     * finish, fails with its state, what the consumers are doing, and {@code lookAt} when its
     * future returned Pending and was never woken; at once if no consumer is alive.
     */
    public <T> T awaitValue(Task<T> task, String lookAt) {
        await(TASK_BOUND, task::isFinished, () -> "the task did not finish: " + explain(task, lookAt));
        return Futures.blockOn(task);
    }

    /** As {@link #whyNotFinished(Task, String)}, with no more to say about a task that returned Pending. */
    public String whyNotFinished(Task<?> task) {
        return whyNotFinished(task, null);
    }

    /**
     * Why {@code task} has not finished, with {@code lookAt} if its future returned Pending and
     * was never woken, and what the consumers are doing: for a test's own wait.
     */
    public String whyNotFinished(Task<?> task, String lookAt) {
        return explain(task, lookAt) + " (" + whatTheConsumersDo() + ")";
    }

    /** Starts {@code body}, which may block on the runtime's tasks, on a daemon thread of its own. */
    public <T> Watched<T> startWatched(Callable<T> body) {
        FutureTask<T> call = new FutureTask<>(body);
        Thread thread = Thread.ofPlatform().daemon().name("watched-body").start(call);
        return new Watched<>(call, thread);
    }

    /**
     * Waits, for {@link Within#MOMENT} at most, until {@code watched} has returned, and returns
     * what it returned or throws what it threw. If it does not return, fails with {@code failure},
     * where its thread is and what the consumers are doing; at once if the consumers, once alive,
     * are all gone (the body's thread, a daemon, is left behind).
     */
    public <T> T resultOf(Watched<T> watched, Supplier<String> failure) throws Exception {
        return resultOf(Within.MOMENT, watched, failure);
    }

    /** Calls {@code call} (a join, say) as {@link #startWatched} does, and returns {@link #resultOf} it. */
    public <T> T returned(Callable<T> call, Supplier<String> failure) throws Exception {
        return resultOf(startWatched(call), failure);
    }

    /** Runs {@code program} (a stage's {@code Main.main}) as {@link #returned} does, for {@link #MAIN_RETURNS}. */
    public void runWatched(Program program, Supplier<String> failure) throws Exception {
        resultOf(MAIN_RETURNS, startWatched(() -> {
            program.run();
            return null;
        }), failure);
    }

    /**
     * Starts {@code program}, a stage's {@code Main.main} or {@code Main.run}, on a thread of its
     * own with the console captured, to be watched as the chapter's {@code main} is watched.
     */
    public MainRun startMain(Program program) {
        return new MainRun(this, program);
    }

    /** What {@code program}, a stage's {@code Main.main}, prints, run as {@link #runWatched} runs it. */
    public List<String> printedBy(Program program) throws Exception {
        try (MainRun main = startMain(program)) {
            return main.awaitReturn();
        }
    }

    /**
     * What {@code program}, the chapter's first {@code main} with ticks of {@code tick}, prints,
     * checked as {@link MainRun#awaitReturn(Duration)} checks it: five ticks before the block.
     */
    public List<String> printedBy(Program program, Duration tick) throws Exception {
        try (MainRun main = startMain(program)) {
            return main.awaitReturn(tick);
        }
    }

    /** What {@link #runWatched} runs: code that returns nothing, and may throw. */
    @FunctionalInterface
    public interface Program {
        void run() throws Exception;
    }

    /** A call running on a daemon thread of its own, started by {@link #startWatched}. */
    public static final class Watched<T> {

        private final FutureTask<T> call;
        private final Thread thread;

        private Watched(FutureTask<T> call, Thread thread) {
            this.call = call;
            this.thread = thread;
        }
    }

    /**
     * The wait of every method here. It ends early when no consumer is alive: if the condition
     * still does not hold then, no task can make it hold.
     */
    void await(Duration bound, BooleanSupplier condition, Supplier<String> failure) {
        Within.await(bound, () -> condition.getAsBoolean() || consumers().isEmpty(),
                () -> failure.get() + " (" + whatTheConsumersDo() + ")");
        if (!condition.getAsBoolean()) {
            throw new AssertionError(noConsumerAlive());
        }
    }

    <T> T resultOf(Duration bound, Watched<T> watched, Supplier<String> failure) throws Exception {
        BooleanSupplier lost = consumersLost();
        Within.await(bound, () -> watched.call.isDone() || lost.getAsBoolean(), () -> failure.get() + " ("
                + ThreadReport.describe(watched.thread) + "; " + whatTheConsumersDo() + ")");
        if (!watched.call.isDone()) {
            throw new AssertionError(failure.get() + ": " + noConsumerAlive());
        }
        try {
            return watched.call.get();
        } catch (ExecutionException e) {
            Throwable thrown = e.getCause();
            if (thrown instanceof Error error) {
                throw error;
            }
            throw thrown instanceof Exception exception ? exception : e;
        }
    }

    /**
     * Whether the runtime's consumers, seen alive during the wait, are now all gone. A body may
     * start the runtime after the wait has begun ({@code run()} does), so no consumer before then
     * is no failure.
     */
    private BooleanSupplier consumersLost() {
        AtomicBoolean seen = new AtomicBoolean();
        return () -> {
            boolean alive = !consumers().isEmpty();
            if (alive) {
                seen.set(true);
            }
            return seen.get() && !alive;
        };
    }

    /** {@code task}'s state and what it means, sharpened by what the consumers are doing. */
    private String explain(Task<?> task, String lookAt) {
        if (TaskState.isWaitingToRun(task) && everyConsumerWaitsForWork()) {
            return "spawnTask returned, but the task is still " + task + " while every consumer waits in its queue's"
                    + " take(): its runnable is on no queue they take from. Did spawnTask call runnable.schedule()?"
                    + " (AsyncTask.spawn queues nothing by itself)";
        }
        if (TaskState.isIdle(task) && lookAt != null) {
            return "the task's future returned Pending, and nothing has woken the task since, so nothing polls it"
                    + " again (" + task + "): " + lookAt;
        }
        return TaskState.explain(task);
    }

    /** Whether there are consumers, and each is blocked in a take() from its queue, which is then empty. */
    private boolean everyConsumerWaitsForWork() {
        List<Thread> consumers = consumers();
        return !consumers.isEmpty() && consumers.stream().allMatch(Workers::waitsInTake);
    }

    /**
     * Whether {@code thread} is blocked in a {@code BlockingQueue.take()} of its loop's, so that
     * the queue it takes from is empty; not in one that a task it runs called (a task runs under
     * the foundation's frames).
     */
    private static boolean waitsInTake(Thread thread) {
        List<StackTraceElement> stack = List.of(thread.getStackTrace());
        return thread.getState() == Thread.State.WAITING
                && stack.stream().anyMatch(frame -> frame.getMethodName().equals("take")
                        && frame.getClassName().endsWith("BlockingQueue"))
                && stack.stream().noneMatch(frame -> frame.getClassName().startsWith("asyncqueues.task."));
    }

    private String whatTheConsumersDo() {
        List<Thread> consumers = consumers();
        String doing = consumers.isEmpty()
                ? "no consumer thread of the runtime is alive"
                : ThreadReport.describe(consumers);
        return stuckHint == null ? doing : doing + "; " + stuckHint;
    }

    private String noConsumerAlive() {
        return "no consumer thread of the runtime is alive, so no task can run: did " + loop + ", throw? Its stack"
                + " trace is on the console";
    }
}
