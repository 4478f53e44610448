package asyncqueues.workbook.testing;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.ConsoleCapture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A stage's consumer loop run on a thread of the test's own, {@code test-consumer}, apart from
 * the stage's global runtime, so that a test sees the loop alone: what it takes, what it runs,
 * and when it returns.
 *
 * <p>Why a thread of its own: a loop that throws (an exercise's stub, say) would otherwise die
 * with its thread, and the test would wait for a task that never runs until its timeout. Here
 * what the loop threw is handed back to the test, which fails with it at once.
 *
 * <p>The loop comes from the test, as a stage writes it: one that takes from a queue
 * ({@code AsyncRuntime::consume} in stages 1 to 3) runs on a {@link WatchedQueue} of this
 * thread's, so that a task that does not finish can be explained from what the queue saw; one
 * that takes from queues of the test's own (stages 4 and 7) is a {@link Runnable}. Every wait
 * is bounded by {@link Within#MOMENT}.
 */
public final class ConsumerThread implements AutoCloseable {

    /** A consumer loop that takes its runnables from {@code queue}: {@code AsyncRuntime::consume} in stages 1 to 3. */
    @FunctionalInterface
    public interface QueueLoop {
        void consume(BlockingQueue<TaskRunnable> queue);
    }

    /** The queue the loop was given, or {@code null} for a loop over queues of the test's own. */
    private final WatchedQueue<TaskRunnable> queue;
    private final AtomicReference<Throwable> thrown = new AtomicReference<>();
    private final Thread thread;

    private ConsumerThread(WatchedQueue<TaskRunnable> queue, Runnable loop) {
        this.queue = queue;
        this.thread = Thread.ofPlatform().name("test-consumer").daemon().unstarted(() -> {
            try {
                loop.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
    }

    /** Starts {@code loop} on a new thread, taking from a queue of its own ({@link #queue()}). */
    public static ConsumerThread start(QueueLoop loop) {
        WatchedQueue<TaskRunnable> queue = new WatchedQueue<>();
        return started(new ConsumerThread(queue, () -> loop.consume(queue)));
    }

    /** Starts {@code loop}, which takes from queues of the test's own, on a new thread. */
    public static ConsumerThread start(Runnable loop) {
        return started(new ConsumerThread(null, loop));
    }

    private static ConsumerThread started(ConsumerThread consumer) {
        consumer.thread.start();
        return consumer;
    }

    /**
     * Fails at once, with what the loop threw, unless {@code loop} runs a task: the guard of a
     * test that needs the global runtime's consumer, which runs the same loop.
     */
    public static void requireWorking(QueueLoop loop) {
        try (ConsoleCapture quiet = ConsoleCapture.start(); // what the loop prints ("runnable accepted")
                ConsumerThread consumer = start(loop)) {
            consumer.join(consumer.spawn(Futures.ready("ran")));
        }
    }

    /** The queue this consumer takes from. */
    public WatchedQueue<TaskRunnable> queue() {
        if (queue == null) {
            throw new IllegalStateException("this consumer's loop takes from queues of the test's own: queue"
                    + " the runnables there");
        }
        return queue;
    }

    /** Spawns {@code future} onto this consumer's queue, without {@code AsyncRuntime.spawnTask}. */
    public <T> Task<T> spawn(Future<T> future) {
        Spawned<T> spawned = AsyncTask.spawn(future, queue()::add);
        spawned.runnable().schedule();
        return spawned.task();
    }

    /**
     * Waits until {@code task}, on this consumer's queue, has finished, and returns its value (or
     * throws as {@link Futures#blockOn} does); fails with what the loop threw if it stopped, or
     * with why the task has not finished, from what the queue saw.
     */
    public <T> T join(Task<T> task) {
        WatchedQueue<TaskRunnable> watched = queue();
        Within.await(Within.MOMENT, () -> task.isFinished() || !thread.isAlive(), () -> whyNotFinished(task, watched));
        rethrowIfFailed();
        if (!task.isFinished()) {
            throw new AssertionError(watched.taken() == 0
                    ? "the consumer loop returned without taking a runnable from the queue: does it wait in"
                            + " queue.take() for the next one, rather than stop when the queue is empty?"
                    : "the consumer loop returned with a task still queued (did a failing future end it? A catch"
                            + " that lets the loop go on belongs around runnable.run())");
        }
        return Futures.blockOn(task);
    }

    /**
     * Waits until {@code condition} holds; fails at once if the loop threw, with what it threw,
     * and at the end of the wait with {@code failure} and where the loop's thread is.
     */
    public void awaitUntil(BooleanSupplier condition, Supplier<String> failure) {
        Within.await(Within.MOMENT, () -> {
            rethrowIfFailed();
            return condition.getAsBoolean();
        }, () -> failure.get() + " (" + describe() + ")");
    }

    /** Interrupts the loop's thread, as {@link #close} does, without waiting for the loop to return. */
    public void interrupt() {
        thread.interrupt();
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    public Thread.State state() {
        return thread.getState();
    }

    /** What the consumer thread is doing, and where. */
    public String describe() {
        return ThreadReport.describe(thread);
    }

    /** Throws what the loop threw, if it threw: as it was, or, if checked, in an {@link AssertionError}. Once only. */
    public void rethrowIfFailed() {
        Throwable failure = thrown.getAndSet(null); // handed over once, not again by close()
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new AssertionError("the consumer loop threw " + failure, failure);
        }
    }

    /** Interrupts the loop and checks that it returned; rethrows what it threw, if anything. */
    @Override
    public void close() {
        thread.interrupt();
        Within.await(Within.MOMENT, () -> !thread.isAlive(), () -> "the consumer loop did not return after its thread"
                + " was interrupted: does the consumer loop return when an interrupt ends its wait for work (an"
                + " InterruptedException from queue.take(), a pause or a park cut short)? (" + describe() + ")");
        rethrowIfFailed();
    }

    /** Why {@code task} has not finished, from what the queue saw and where the consumer is. */
    private String whyNotFinished(Task<?> task, WatchedQueue<TaskRunnable> watched) {
        if (watched.added() == 0) {
            return "spawnTask returned, but the queue is empty: did it call runnable.schedule()?"
                    + " (AsyncTask.spawn queues nothing by itself)";
        }
        if (watched.taken() == 0) {
            return "no consumer took the runnable from the queue: does the consumer loop call"
                    + " queue.take() on the queue it is given? (" + describe() + ")";
        }
        if (TaskState.isWaitingToRun(task) && watched.taken() >= watched.added()) {
            return "the consumer took the runnable from the queue but did not run it (the task is still " + task
                    + "): does the consumer loop call runnable.run() on what it takes? ("
                    + describe() + ")";
        }
        return "the task did not finish: " + TaskState.explain(task) + " (" + describe() + "; "
                + watched.size() + " runnable(s) in its queue)";
    }
}
