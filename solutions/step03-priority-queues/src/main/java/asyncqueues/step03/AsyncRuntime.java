package asyncqueues.step03;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.ExerciseNotDone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Stage 3's runtime: two global queues, HIGH with two consumer threads and LOW with one, and a
 * {@link #spawnTask} that sends each future to the queue its label names.
 *
 * <h2>How it works</h2>
 * Each queue is stage 2's queue and pool again: consumers {@code high-worker-1} and
 * {@code high-worker-2} take from the HIGH queue, {@code low-worker-1} from the LOW queue. A
 * future says where it belongs through {@link FutureOrderLabel#getOrder()}; {@code spawnTask}
 * reads that once, and the task's schedule function puts its runnable on that queue every time,
 * so a task spends its whole life on one queue and is only ever polled by that queue's consumers.
 *
 * <p>What this cannot do: a consumer never looks at the other queue. With many LOW tasks and no
 * HIGH ones, the LOW consumer works through them one at a time while both HIGH consumers wait on
 * their empty queue. Stage 4 lets consumers steal from the other queue.
 *
 * <p>Each queue starts, with its consumers, the first time a future is sent to it: see
 * {@link HighQueue} and {@link LowQueue}. A program that spawns only LOW futures never starts
 * the HIGH consumers.
 */
public final class AsyncRuntime {

    private AsyncRuntime() {}

    /**
     * Holds the HIGH queue: the holder-class idiom, which stands for the chapter's
     * {@code static HIGH_QUEUE: LazyLock<...>}. The JVM initializes this class once, on the
     * first access to {@link #INSTANCE}, under its class-initialization lock; so the queue and
     * its consumers are created exactly once, when the first HIGH future is spawned. (As a
     * failed {@code LazyLock} stays poisoned, a failed initialization leaves this class unusable.)
     */
    private static final class HighQueue {
        static final BlockingQueue<TaskRunnable> INSTANCE = startQueue(FutureType.HIGH);
    }

    /** Holds the LOW queue, as {@link HighQueue} holds the HIGH one (the chapter's {@code LOW_QUEUE}). */
    private static final class LowQueue {
        static final BlockingQueue<TaskRunnable> INSTANCE = startQueue(FutureType.LOW);
    }

    /**
     * Creates a queue for {@code order} and starts its consumers. A {@link LinkedBlockingQueue}
     * plays the part of flume's unbounded channel, shared as it is by the consumers that take
     * from it.
     */
    private static BlockingQueue<TaskRunnable> startQueue(FutureType order) {
        BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
        startConsumers(order, queue);
        return queue;
    }

    /**
     * Starts the consumers of the {@code order} queue on {@code queue}, each running
     * {@link #consume}: for HIGH two, {@code high-worker-1} and {@code high-worker-2}; for LOW
     * one, {@code low-worker-1}. They are daemon platform threads, so that a thread dump shows
     * whose they are and they do not keep the program alive.
     *
     * @return the started threads, in the order of their numbers
     */
    static List<Thread> startConsumers(FutureType order, BlockingQueue<TaskRunnable> queue) {
        Objects.requireNonNull(order, "order must not be null");
        Objects.requireNonNull(queue, "queue must not be null");
        // EXERCISE 3.1 BEGIN: start HIGH's two or LOW's one consumer, named after their queue
        int count = switch (order) {
            case HIGH -> 2;
            case LOW -> 1;
        };
        String prefix = order.name().toLowerCase(Locale.ROOT) + "-worker-";
        Thread.Builder builder = Thread.ofPlatform().name(prefix, 1).daemon();
        List<Thread> consumers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            consumers.add(builder.start(() -> consume(queue)));
        }
        return List.copyOf(consumers);
        // EXERCISE 3.1 END
    }

    /**
     * Spawns {@code future} onto the queue its label names (starting that queue if this is its
     * first future) and returns its task. Unlike stages 1 and 2 it prints nothing, as the
     * chapter's stage-3 listing does.
     *
     * @throws NullPointerException if {@code future} is {@code null}, or its label is
     */
    public static <T> Task<T> spawnTask(FutureOrderLabel<T> future) {
        Objects.requireNonNull(future, "future must not be null");
        Objects.requireNonNull(future.getOrder(),
                () -> future.getClass().getName() + ".getOrder() returned null: label it HIGH or LOW");
        return spawnTask(future, () -> HighQueue.INSTANCE, () -> LowQueue.INSTANCE);
    }

    /**
     * The chapter's {@code spawn_task} with its queues passed in: picks the queue that
     * {@code future}'s label names, wraps the future in a task whose runnable goes on that queue
     * each time it is scheduled, schedules it, and returns the task.
     * The queues come as suppliers so that only the chosen one is touched, and so started: the
     * chapter's lazily started queues work the same way.
     */
    static <T> Task<T> spawnTask(FutureOrderLabel<T> future,
            Supplier<BlockingQueue<TaskRunnable>> high, Supplier<BlockingQueue<TaskRunnable>> low) {
        // EXERCISE 3.2 BEGIN: pick the queue by the future's label, then spawn onto it as before
        BlockingQueue<TaskRunnable> queue = switch (future.getOrder()) {
            case HIGH -> high.get();
            case LOW -> low.get();
        };
        Spawned<T> spawned = AsyncTask.spawn(future, queue::add);
        spawned.runnable().schedule();
        return spawned.task();
        // EXERCISE 3.2 END
    }

    // Carried over from step02-multi-worker's AsyncRuntime.java by ./jbang stubs --write: consume. Edit it there.
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
    // End of the carried-over code.
}
