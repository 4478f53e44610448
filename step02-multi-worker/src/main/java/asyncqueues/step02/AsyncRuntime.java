package asyncqueues.step02;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Future;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.ExerciseNotDone;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Stage 2's runtime: one global queue of runnables, now with a pool of {@value #CONSUMERS}
 * consumer threads taking from it.
 *
 * <h2>How it works</h2>
 * As in stage 1, {@link #spawnTask} wraps a future in a task whose runnable goes on the queue
 * each time it is scheduled. What changes is the other end: three threads, {@code queue-worker-1}
 * to {@code queue-worker-3}, take from the same queue. Each runnable is taken by exactly one of
 * them ({@code take()} hands an element to one caller), and a task is never queued twice at once,
 * so a task is still polled by one thread at a time, though not always by the same one. A task
 * that blocks its consumer (a long computation, a blocking sleep) now holds up only that
 * consumer: the other two go on with the rest of the queue.
 *
 * <p>The queue and its consumers start on the first spawn: see {@link GlobalQueue}.
 */
public final class AsyncRuntime {

    /** The number of consumer threads on the global queue, as in the chapter's pool. */
    static final int CONSUMERS = 3;

    private AsyncRuntime() {}

    /**
     * Holds the global queue: the holder-class idiom, which stands for the chapter's
     * {@code static QUEUE: LazyLock<...>}. The JVM initializes this class once, on the first
     * access to {@link #INSTANCE}, under its class-initialization lock; so the queue and its
     * consumers are created exactly once, on the first spawn. (As a failed {@code LazyLock}
     * stays poisoned, a failed initialization leaves this class unusable.)
     */
    private static final class GlobalQueue {
        static final BlockingQueue<TaskRunnable> INSTANCE = startQueue();
    }

    /**
     * Creates the queue and starts its consumers. A {@link LinkedBlockingQueue} plays the part of
     * flume's unbounded channel; where the chapter clones the receiver once per thread, Java's
     * queue is shared by its consumers as it is, because every method of it is thread-safe.
     */
    private static BlockingQueue<TaskRunnable> startQueue() {
        BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
        startConsumers(queue, CONSUMERS);
        return queue;
    }

    /**
     * Starts {@code count} consumer threads on {@code queue}, each running {@link #consume}: daemon
     * platform threads named {@code queue-worker-1} to {@code queue-worker-<count>}, so that a
     * thread dump shows whose they are and they do not keep the program alive.
     *
     * @return the started threads, in the order of their numbers
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    static List<Thread> startConsumers(BlockingQueue<TaskRunnable> queue, int count) {
        Objects.requireNonNull(queue, "queue must not be null");
        if (count < 1) {
            throw new IllegalArgumentException("a queue needs at least 1 consumer, got " + count);
        }
        // EXERCISE 2.1 BEGIN: start count named daemon consumers on the one queue
        throw new ExerciseNotDone("2.1");
        // EXERCISE 2.1 END
    }

    // Carried over from step01-single-queue's AsyncRuntime.java by ./jbang stubs --write: spawnTask. Edit it there.
    /**
     * Spawns {@code future} onto the global queue (started now if this is the first spawn) and
     * returns its task, after printing how many runnables are waiting in the queue.
     *
     * @throws NullPointerException if {@code future} is {@code null}
     */
    public static <T> Task<T> spawnTask(Future<T> future) {
        Objects.requireNonNull(future, "future must not be null");
        return spawnTask(future, () -> GlobalQueue.INSTANCE);
    }

    /**
     * The chapter's {@code spawn_task} with its queue passed in: wraps {@code future} in a task
     * whose runnable goes on the queue each time it is scheduled, schedules it for its first run,
     * prints the queue's length, and returns the task. Nothing is polled here: the first poll
     * happens when a consumer takes the runnable.
     *
     * <p>The queue comes as a supplier, asked for in the schedule function, as the chapter's
     * schedule closure reads its lazy {@code QUEUE}: so on the first spawn the task is made before
     * the queue and its consumer threads start, and they are still starting while the counts print.
     */
    static <T> Task<T> spawnTask(Future<T> future, Supplier<BlockingQueue<TaskRunnable>> queue) {
        Spawned<T> spawned = AsyncTask.spawn(future, runnable -> queue.get().add(runnable));
        spawned.runnable().schedule();
        System.out.println("Here is the queue count: " + queue.get().size());
        return spawned.task();
    }
    // End of the carried-over code.

    /**
     * The consumer loop: takes runnables from {@code queue}, oldest first, and runs each once,
     * until the thread is interrupted. A runnable whose future throws does not end the loop: the
     * task keeps the throwable for whoever awaits it (the chapter's {@code catch_unwind}).
     */
    static void consume(BlockingQueue<TaskRunnable> queue) {
        try {
            for (;;) {
                TaskRunnable runnable = queue.take();
                try {
                    runnable.run();
                } catch (Throwable failure) {
                    // The task has recorded the failure; awaiting the task rethrows it.
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt(); // keep the status for whoever runs this loop
        }
    }
}
