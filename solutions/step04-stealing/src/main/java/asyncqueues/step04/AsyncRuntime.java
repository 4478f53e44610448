package asyncqueues.step04;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.ExerciseNotDone;
import java.time.Duration;
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
 */
public final class AsyncRuntime {

    /** How long an idle consumer sleeps before it looks at the queues again: the chapter's. */
    static final Duration IDLE_WAIT = Duration.ofMillis(100);

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
            threads.start(() -> consume(own, other, IDLE_WAIT));
        }
        return own;
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
        Consumer<TaskRunnable> schedule = switch (order) {
            case HIGH -> HighQueue.INSTANCE::add;
            case LOW -> LowQueue.INSTANCE::add;
        };
        Spawned<T> spawned = AsyncTask.spawn(future, schedule);
        spawned.runnable().schedule();
        return spawned.task();
    }

    /**
     * The loop of a consumer that steals: takes the next runnable from {@code own}, else from
     * {@code other}, and runs it; when both are empty, sleeps for {@code idleWait} and looks
     * again. Serving {@code own} first keeps each queue's consumers on their own work while
     * there is any; stealing means no consumer idles while the other queue has work. Runs until
     * the thread is interrupted.
     *
     * <h2>What the idle wait costs</h2>
     * The chapter sleeps 100 ms when both queues are empty, and so does this loop. It is simple
     * and cannot miss work, but it is a polling loop, with two costs:
     * <ul>
     *   <li>latency: a runnable queued while every consumer sleeps (a new task, or one woken
     *       from another thread) waits up to {@code idleWait} before anyone takes it;
     *   <li>wasted wake-ups: each idle consumer wakes ten times a second to find nothing.
     * </ul>
     * A better way gives the consumers one shared signal instead of a clock: for instance a
     * {@link java.util.concurrent.Semaphore} counting the runnables queued on both channels. The
     * schedule function releases a permit after each {@code add}; a consumer blocks in
     * {@code acquire()} (no timeout, so no wake-up while there is no work), then takes from its
     * own queue, else from the other, sure to find a runnable in one of them since each permit
     * stands for one. This stage keeps the chapter's sleep, so that it reads like the chapter.
     */
    static void consume(BlockingQueue<TaskRunnable> own, BlockingQueue<TaskRunnable> other, Duration idleWait) {
        // EXERCISE 4.1 BEGIN: take from your own queue, else steal from the other, else wait
        while (!Thread.currentThread().isInterrupted()) {
            TaskRunnable next = own.poll();
            if (next == null) {
                next = other.poll();
            }
            if (next != null) {
                runCatching(next);
            } else if (!pause(idleWait)) {
                return;
            }
        }
        // EXERCISE 4.1 END
    }

    /**
     * Runs {@code runnable} and lets nothing it throws escape: the chapter's {@code catch_unwind},
     * so that a failing future cannot kill its consumer. Ignoring the throwable loses nothing:
     * the task has recorded it, and whoever awaits the task gets it.
     */
    static void runCatching(TaskRunnable runnable) {
        try {
            runnable.run();
        } catch (Throwable failure) {
            // recorded by the task, see above
        }
    }

    /**
     * Sleeps for {@code idleWait}. Returns {@code false} if the thread was interrupted, which
     * asks the consumer loop to stop; the interrupt status is set again for the loop to see.
     */
    static boolean pause(Duration idleWait) {
        try {
            Thread.sleep(idleWait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
