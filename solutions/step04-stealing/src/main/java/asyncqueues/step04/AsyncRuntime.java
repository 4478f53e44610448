package asyncqueues.step04;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Stage 4's runtime: a HIGH queue with two consumer threads and a LOW queue with one, whose
 * consumers steal from the other queue when their own is empty.
 *
 * <h2>Lazy globals</h2>
 * As in the chapter, nothing exists until it is first used. Each of the four globals is the one
 * field of a holder class, the idiom that stands for Rust's {@code LazyLock}: the JVM initializes
 * a class on its first use, exactly once, under a lock every other user waits on.
 * <ul>
 *   <li>{@link HighChannel} and {@link LowChannel} ({@code HIGH_CHANNEL}, {@code LOW_CHANNEL}):
 *       the two channels. An unbounded {@link LinkedBlockingQueue} stands for flume's channel;
 *       it is both the sending and the receiving end. A channel is created when a spawn or a
 *       consumer first needs it.
 *   <li>{@link HighQueue} and {@link LowQueue} ({@code HIGH_QUEUE}, {@code LOW_QUEUE}): a queue's
 *       consumer threads start when its holder is initialized, which {@link #spawnTask} does
 *       on the first spawn to that queue.
 * </ul>
 * So a queue that nothing is spawned to has no consumers, and steals nothing: a flood of LOW
 * tasks gets help from the HIGH consumers only once something has been spawned to HIGH. Stage 5
 * fixes that with a {@code run()} that starts both queues before the first task.
 *
 * <p>The consumers are daemon platform threads named {@code high-worker-N} and
 * {@code low-worker-N}: the program ends when {@code main} does, and a thread dump says who is who.
 * Each runs the loop in {@link StealingLoop}.
 */
public final class AsyncRuntime {

    static final int HIGH_CONSUMERS = 2;
    static final int LOW_CONSUMERS = 1;

    private AsyncRuntime() {}

    /** {@code HIGH_CHANNEL}: created on first use. */
    private static final class HighChannel {
        static final BlockingQueue<TaskRunnable> INSTANCE = new LinkedBlockingQueue<>();
    }

    /** {@code LOW_CHANNEL}: created on first use. */
    private static final class LowChannel {
        static final BlockingQueue<TaskRunnable> INSTANCE = new LinkedBlockingQueue<>();
    }

    /** {@code HIGH_QUEUE}: on first use, starts the HIGH consumers, which steal from LOW. */
    private static final class HighQueue {
        static final BlockingQueue<TaskRunnable> INSTANCE =
                startConsumers("high-worker-", HIGH_CONSUMERS, HighChannel.INSTANCE, LowChannel.INSTANCE);
    }

    /** {@code LOW_QUEUE}: on first use, starts the LOW consumer, which steals from HIGH. */
    private static final class LowQueue {
        static final BlockingQueue<TaskRunnable> INSTANCE =
                startConsumers("low-worker-", LOW_CONSUMERS, LowChannel.INSTANCE, HighChannel.INSTANCE);
    }

    /**
     * Starts {@code count} daemon consumers named {@code namePrefix + N}, each serving
     * {@code own} and stealing from {@code other}, and returns {@code own} to send on.
     */
    private static BlockingQueue<TaskRunnable> startConsumers(
            String namePrefix, int count, BlockingQueue<TaskRunnable> own, BlockingQueue<TaskRunnable> other) {
        Thread.Builder threads = Thread.ofPlatform().name(namePrefix, 1).daemon();
        for (int i = 0; i < count; i++) {
            threads.start(consumer(own, other));
        }
        return own;
    }

    /** What a consumer of {@code own} runs: the stealing loop, with the chapter's idle sleep. */
    private static Runnable consumer(BlockingQueue<TaskRunnable> own, BlockingQueue<TaskRunnable> other) {
        return () -> StealingLoop.consume(own, other, StealingLoop.IDLE_WAIT);
    }

    /**
     * Spawns {@code future} onto the queue its label names, starting that queue's consumers if
     * this is its first task, and returns the task.
     *
     * @throws NullPointerException if {@code future} is {@code null}, or its label is
     */
    public static <T> Task<T> spawnTask(FutureOrderLabel<T> future) {
        Objects.requireNonNull(future, "future must not be null");
        FutureType order = Objects.requireNonNull(
                future.getOrder(), () -> future.getClass().getName() + ".getOrder() returned null");
        Spawned<T> spawned = AsyncTask.spawn(future, scheduleFor(order));
        spawned.runnable().schedule();
        return spawned.task();
    }

    /**
     * The schedule function of a task labelled {@code order}: it puts each runnable on that
     * queue. Naming the queue here starts it, if this is its first task.
     */
    static Consumer<TaskRunnable> scheduleFor(FutureType order) {
        return switch (order) {
            case HIGH -> HighQueue.INSTANCE::add;
            case LOW -> LowQueue.INSTANCE::add;
        };
    }
}
