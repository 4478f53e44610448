package asyncqueues.step07;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.ExerciseNotDone;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Stage 7's runtime: stage 4's, a HIGH queue with two consumer threads and a LOW queue with one,
 * whose consumers steal from the other queue when their own is empty; but an idle consumer parks
 * until new work wakes it, instead of sleeping 100 ms and looking again.
 *
 * <h2>Lazy globals</h2>
 * As in stage 4, nothing exists until it is first used; each global is the one field of a holder
 * class, the idiom that stands for Rust's {@code LazyLock}.
 * <ul>
 *   <li>{@link HighChannel} and {@link LowChannel}: the two channels, unbounded
 *       {@link LinkedBlockingQueue}s. Nobody blocks on them any more: a consumer only
 *       {@code poll()}s, and waits in {@link IdleConsumers} instead.
 *   <li>{@link Idle}: the consumers of both queues that have nothing to do, parked. One for both
 *       queues, since every consumer steals: a LOW runnable may wake a HIGH consumer, and does
 *       when the LOW one is busy.
 *   <li>{@link HighQueue} and {@link LowQueue}: a queue's consumer threads start when its holder
 *       is initialized, which {@link #spawnTask} does on the first spawn to that queue (the lazy
 *       start of stage 4, with its pitfall).
 * </ul>
 *
 * <p>The consumers are daemon platform threads named {@code high-worker-N} and
 * {@code low-worker-N}: the program ends when {@code main} does, and a thread dump says who is who.
 */
public final class AsyncRuntime {

    // Carried over from step04-stealing's AsyncRuntime.java by ./jbang stubs --write: HIGH_CONSUMERS, LOW_CONSUMERS, HighChannel, LowChannel, HighQueue, LowQueue. Edit it there.
    static final int HIGH_CONSUMERS = 2;

    static final int LOW_CONSUMERS = 1;

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
    // End of the carried-over code.

    private AsyncRuntime() {}

    /** The idle consumers of both queues: created on first use. */
    private static final class Idle {
        static final IdleConsumers INSTANCE = new IdleConsumers(HighChannel.INSTANCE, LowChannel.INSTANCE);
    }

    /** What a consumer of {@code own} runs: the parking loop, which parks in {@link Idle}. */
    private static Runnable consumer(BlockingQueue<TaskRunnable> own, BlockingQueue<TaskRunnable> other) {
        return () -> consume(own, other, Idle.INSTANCE);
    }

    // Carried over from step04-stealing's AsyncRuntime.java by ./jbang stubs --write: startConsumers, spawnTask. Edit it there.
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
    // End of the carried-over code.

    /**
     * The schedule function of a task labelled {@code order}: {@link #schedule} on that queue, so
     * that each time a runnable is queued, now and on every wake, an idle consumer is woken.
     * Naming the queue here starts it, if this is its first task.
     */
    static Consumer<TaskRunnable> scheduleFor(FutureType order) {
        return switch (order) {
            case HIGH -> schedule(HighQueue.INSTANCE, Idle.INSTANCE);
            case LOW -> schedule(LowQueue.INSTANCE, Idle.INSTANCE);
        };
    }

    /**
     * The schedule function of a task whose runnables go on {@code queue}: the producer's half of
     * the protocol in {@link IdleConsumers}. It puts the runnable on the queue, then wakes one
     * idle consumer, in that order: a consumer woken before the runnable is there could look,
     * find nothing, and park again, and the runnable would then find nobody to wake.
     */
    static Consumer<TaskRunnable> schedule(BlockingQueue<TaskRunnable> queue, IdleConsumers idle) {
        // EXERCISE 7.2 BEGIN: queue the runnable, then wake an idle consumer
        throw new ExerciseNotDone("7.2");
        // EXERCISE 7.2 END
    }

    /**
     * The loop of a consumer that steals and parks: takes the next runnable from {@code own},
     * else from {@code other}, and runs it; when both are empty, it follows the consumer's half of
     * the protocol in {@link IdleConsumers}: announce itself idle, look at both queues again, and
     * park only if that second look finds nothing too. Runs until the thread is interrupted (an
     * interrupt also ends a park).
     *
     * <h2>What parking buys</h2>
     * Stage 4's consumer slept 100 ms when it found nothing, then looked again: a runnable queued
     * meanwhile waited up to 100 ms, and every idle consumer woke ten times a second for nothing.
     * A parked consumer wakes when a runnable is queued, and only then.
     */
    static void consume(BlockingQueue<TaskRunnable> own, BlockingQueue<TaskRunnable> other, IdleConsumers idle) {
        // EXERCISE 7.1 BEGIN: take work, else announce yourself idle, look again, and park
        throw new ExerciseNotDone("7.1");
        // EXERCISE 7.1 END
    }

    /**
     * The next runnable to run: the head of {@code own}, else the head of {@code other} (stolen),
     * else {@code null}. Neither call waits.
     */
    static TaskRunnable takeNext(BlockingQueue<TaskRunnable> own, BlockingQueue<TaskRunnable> other) {
        TaskRunnable next = own.poll();
        return next != null ? next : other.poll();
    }

    // Carried over from step04-stealing's StealingLoop.java by ./jbang stubs --write: runCatching. Edit it there.
    /** The chapter's {@code catch_unwind}: a failing future must not end its consumer (its task keeps the failure). */
    static void runCatching(TaskRunnable runnable) {
        try {
            runnable.run();
        } catch (Throwable failure) {
            // recorded by the task, see above
        }
    }
    // End of the carried-over code.

    /** How many consumers are parked (or about to park) now; for tests and {@link Main}. */
    static int idleConsumers() {
        return Idle.INSTANCE.idleCount();
    }

    /** How many times a parked consumer has woken up so far; for tests and {@link Main}. */
    static long wakeUps() {
        return Idle.INSTANCE.wakeUps();
    }
}
