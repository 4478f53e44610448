package asyncqueues.step01;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Future;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.ExerciseNotDone;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Stage 1's runtime: one global queue of runnables, and one consumer thread that runs them.
 *
 * <h2>How it works</h2>
 * {@link #spawnTask} turns a future into a task with {@link AsyncTask#spawn}, giving it a
 * schedule function that puts the task's runnable on the queue, and schedules it once. The
 * consumer thread, {@code queue-worker-1}, takes runnables off the queue one at a time and runs
 * each, which polls its future once. A future that wakes itself and returns Pending goes back to
 * the tail of the queue, so the tasks take turns on the one thread, in the order they were
 * queued. Meanwhile the caller holds the {@link Task} and blocks on it when it needs the value.
 *
 * <p>The queue and its consumer start on the first spawn, not when the program starts: see
 * {@link GlobalQueue}.
 */
public final class AsyncRuntime {

    private AsyncRuntime() {}

    /**
     * Holds the global queue: the holder-class idiom, which stands for the chapter's
     * {@code static QUEUE: LazyLock<...>}. The JVM initializes this class once, on the first
     * access to {@link #INSTANCE}, under its class-initialization lock; so the queue and its
     * consumer are created exactly once, on the first spawn, and every later spawn sees the same
     * queue. (As a failed {@code LazyLock} stays poisoned, a failed initialization leaves this
     * class unusable.)
     */
    private static final class GlobalQueue {
        static final BlockingQueue<TaskRunnable> INSTANCE = startQueue();
    }

    /**
     * Creates the queue and starts its consumer. A {@link LinkedBlockingQueue} plays the part of
     * flume's unbounded channel: any thread may add to it without blocking, and a consumer that
     * finds it empty blocks in {@code take()} until a runnable arrives. The consumer is a daemon
     * thread, so it does not keep the program alive once {@code main} returns.
     */
    private static BlockingQueue<TaskRunnable> startQueue() {
        BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
        Thread.ofPlatform().name("queue-worker-1").daemon().start(() -> consume(queue));
        return queue;
    }

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
        // EXERCISE 1.2 BEGIN: spawn the future onto the queue, schedule it, print the count
        throw new ExerciseNotDone("1.2");
        // EXERCISE 1.2 END
    }

    /**
     * The consumer loop: takes runnables from {@code queue}, oldest first, and runs each once,
     * until the thread is interrupted. A runnable whose future throws must not end the loop:
     * the task keeps the throwable for whoever awaits it, and the consumer goes on with the next
     * runnable, as the chapter's {@code catch_unwind} lets it. Prints {@code runnable accepted}
     * for each runnable taken.
     */
    static void consume(BlockingQueue<TaskRunnable> queue) {
        // EXERCISE 1.1 BEGIN: take, print and run runnables, surviving failures, until interrupted
        throw new ExerciseNotDone("1.1");
        // EXERCISE 1.1 END
    }
}
