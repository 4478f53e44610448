// Carried over unchanged from step05-builder-macros's solution by ./jbang stubs --write; edit it there.
package asyncqueues.step06;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Result;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.ConsumerThreads;
import asyncqueues.workbook.StartedQueues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * Stage 4's two stealing queues with the chapter's conveniences, in its order: {@code spawnTask}
 * ({@code spawn_task!}), {@code join} and {@code tryJoin} ({@code join!}, {@code try_join!}), and
 * the builder {@code new AsyncRuntime().withHighNum(4).withLowNum(2).run()} ({@code Runtime}).
 *
 * <p>{@code run()} publishes the numbers by name and each queue reads its own when it starts, as
 * in the chapter; system properties stand for its environment variables, which a Java program
 * cannot set for itself. The checks the chapter leaves to {@code unwrap()} are in
 * {@link ConsumerThreads} and {@link StartedQueues}.
 */
public final class AsyncRuntime {

    /** The system property holding the number of HIGH consumer threads. */
    public static final String HIGH_NUM = "HIGH_NUM";

    /** The system property holding the number of LOW consumer threads. */
    public static final String LOW_NUM = "LOW_NUM";

    /** The most consumer threads a queue may have (see {@link ConsumerThreads#MAX}). */
    public static final int MAX_CONSUMERS = ConsumerThreads.MAX;

    /** Makes the consumers: daemon threads. Not final only so that a test can play a machine that refuses one. */
    static volatile ThreadFactory consumerThreads = Thread.ofPlatform().daemon().factory();

    // ------------------------------------------------------------------ spawn_task!

    /** Spawns {@code future} onto the LOW queue: the chapter's {@code spawn_task!(future)}. */
    public static <T> Task<T> spawnTask(Future<T> future) {
        Objects.requireNonNull(future, "future must not be null");
        return spawnTask(future, FutureType.LOW);
    }

    /**
     * Spawns {@code future} onto {@code order}'s queue, started if need be: the chapter's
     * {@code spawn_task!(future, order)}.
     *
     * @throws IllegalArgumentException if the queue starts now and its system property is bad
     * @throws IllegalStateException if the queue could not start its consumer threads
     */
    public static <T> Task<T> spawnTask(Future<T> future, FutureType order) {
        Objects.requireNonNull(future, "future must not be null");
        Objects.requireNonNull(order, "order must not be null");
        BlockingQueue<TaskRunnable> queue = queueFor(order);
        Spawned<T> spawned = AsyncTask.spawn(future, queue::add);
        spawned.runnable().schedule();
        return spawned.task();
    }

    // ------------------------------------------------------------------ join! and try_join!

    /**
     * Blocks until every task has finished and returns their values in argument order: the
     * chapter's {@code join!}. A {@code Void} task's value is {@code null}.
     *
     * @throws CompletionException if a task's future threw (what it threw is the cause)
     * @throws CancellationException if a task was cancelled, naming its position
     * @throws IllegalStateException if a task was detached (nobody may await it), naming its position
     */
    @SafeVarargs
    public static <T> List<T> join(Task<T>... tasks) {
        requireTasks(tasks);
        List<T> values = new ArrayList<>(tasks.length);
        for (int i = 0; i < tasks.length; i++) {
            try {
                values.add(Futures.blockOn(tasks[i]));
            } catch (CancellationException e) {
                CancellationException named = new CancellationException("join: task " + i
                        + " was cancelled, so it has no value (tryJoin gives the others' anyway)");
                named.initCause(e);
                throw named;
            } catch (IllegalStateException e) { // what awaiting a detached task throws
                throw new IllegalStateException("join: task " + i + " was detached, so nobody may"
                        + " await it: its value is dropped", e);
            }
        }
        return values;
    }

    /**
     * Blocks until every task has finished and returns their outcomes in argument order: the
     * chapter's {@code try_join!}. {@code Err} holds what the future threw, a
     * {@link CancellationException} for a cancelled task, or an {@link IllegalStateException} for
     * a detached one.
     */
    @SafeVarargs
    public static <T> List<Result<T>> tryJoin(Task<T>... tasks) {
        requireTasks(tasks);
        List<Result<T>> outcomes = new ArrayList<>(tasks.length);
        for (Task<T> task : tasks) {
            try {
                outcomes.add(new Result.Ok<>(Futures.blockOn(task)));
            } catch (CompletionException failed) {
                outcomes.add(new Result.Err<>(failed.getCause()));
            } catch (CancellationException cancelled) {
                outcomes.add(new Result.Err<>(cancelled));
            } catch (IllegalStateException detached) { // "the task was detached: nobody may await ..."
                outcomes.add(new Result.Err<>(detached));
            }
        }
        return outcomes;
    }

    private static void requireTasks(Task<?>[] tasks) {
        Objects.requireNonNull(tasks, "tasks must not be null");
        for (int i = 0; i < tasks.length; i++) {
            if (tasks[i] == null) { // the message is built only then: a join may be of a million tasks
                throw new NullPointerException("task " + i + " must not be null");
            }
        }
    }

    // ------------------------------------------------------------------ the Runtime builder

    private final int highNum;
    private final int lowNum;

    /**
     * A runtime with each queue's number from its system property, else the default. (The
     * chapter's {@code Runtime::new} takes the defaults, and so overwrites the environment.)
     *
     * @throws IllegalArgumentException if a property is set but bad, naming it
     */
    public AsyncRuntime() {
        this(consumerCount(FutureType.HIGH), consumerCount(FutureType.LOW));
    }

    private AsyncRuntime(int highNum, int lowNum) {
        this.highNum = highNum;
        this.lowNum = lowNum;
    }

    /** This runtime with {@code num} HIGH consumer threads, from 1 to {@value #MAX_CONSUMERS}. */
    public AsyncRuntime withHighNum(int num) {
        return new AsyncRuntime(ConsumerThreads.require(num, "withHighNum"), lowNum);
    }

    /** This runtime with {@code num} LOW consumer threads, from 1 to {@value #MAX_CONSUMERS}. */
    public AsyncRuntime withLowNum(int num) {
        return new AsyncRuntime(highNum, ConsumerThreads.require(num, "withLowNum"));
    }

    /** The number of HIGH consumer threads {@link #run()} asks for. */
    public int highNum() {
        return highNum;
    }

    /** The number of LOW consumer threads {@link #run()} asks for. */
    public int lowNum() {
        return lowNum;
    }

    /**
     * Publishes the numbers in {@value #HIGH_NUM} and {@value #LOW_NUM}, then starts both queues
     * with an empty task each and waits for both: from then on every consumer steals. Call it
     * first in {@code main}, before any other thread spawns: it does not guard against a race.
     *
     * @throws IllegalStateException if a queue has already started with another number of threads
     */
    public void run() {
        STARTED.requireStartableWith(FutureType.HIGH, highNum);
        STARTED.requireStartableWith(FutureType.LOW, lowNum);
        System.setProperty(HIGH_NUM, Integer.toString(highNum));
        System.setProperty(LOW_NUM, Integer.toString(lowNum));
        join(spawnTask(Futures.async(() -> {}), FutureType.HIGH),
                spawnTask(Futures.async(() -> {}), FutureType.LOW));
    }

    /**
     * The default number of consumer threads: 1 for LOW; for HIGH the cores less two, as in the
     * chapter, but at least 1 (the chapter's {@code num_cores - 2} is no thread on two cores).
     */
    static int defaultCount(FutureType order) {
        return switch (order) {
            case HIGH -> Math.max(1, Runtime.getRuntime().availableProcessors() - 2);
            case LOW -> 1;
        };
    }

    /** The number of threads {@code order}'s queue starts with: its system property, else the default. */
    static int consumerCount(FutureType order) {
        return ConsumerThreads.fromProperty(order == FutureType.HIGH ? HIGH_NUM : LOW_NUM, defaultCount(order));
    }

    // ------------------------------------------------------------------ the queues

    /** Which queues have started, with how many threads: a queue reads its number once. */
    private static final StartedQueues<FutureType> STARTED = new StartedQueues<>();

    /** {@code HIGH_CHANNEL}: created on first use (the holder-class idiom stands for {@code LazyLock}). */
    private static final class HighChannel {
        static final BlockingQueue<TaskRunnable> INSTANCE = new LinkedBlockingQueue<>();
    }

    /** {@code LOW_CHANNEL}: created on first use. */
    private static final class LowChannel {
        static final BlockingQueue<TaskRunnable> INSTANCE = new LinkedBlockingQueue<>();
    }

    /** {@code HIGH_QUEUE}: on first use, reads {@value #HIGH_NUM} and starts that many consumers. */
    private static final class HighQueue {
        static final StartedQueues.Start<BlockingQueue<TaskRunnable>> INSTANCE =
                startConsumers(FutureType.HIGH, HighChannel.INSTANCE, LowChannel.INSTANCE);
    }

    /** {@code LOW_QUEUE}: on first use, reads {@value #LOW_NUM} and starts that many consumers. */
    private static final class LowQueue {
        static final StartedQueues.Start<BlockingQueue<TaskRunnable>> INSTANCE =
                startConsumers(FutureType.LOW, LowChannel.INSTANCE, HighChannel.INSTANCE);
    }

    /** {@code order}'s channel, started if need be; a bad property fails here, before the holder. */
    private static BlockingQueue<TaskRunnable> queueFor(FutureType order) {
        if (!STARTED.hasStarted(order)) {
            consumerCount(order);
        }
        StartedQueues.Start<BlockingQueue<TaskRunnable>> queue = switch (order) {
            case HIGH -> HighQueue.INSTANCE;
            case LOW -> LowQueue.INSTANCE;
        };
        return queue.channelOrThrow();
    }

    /** Starts {@code order}'s consumers, each running stage 4's {@link StealingLoop} on its two channels. */
    private static StartedQueues.Start<BlockingQueue<TaskRunnable>> startConsumers(
            FutureType order, BlockingQueue<TaskRunnable> own, BlockingQueue<TaskRunnable> other) {
        int count = consumerCount(order);
        String fewer = switch (order) { // for the message if the machine refuses a thread
            case HIGH -> HIGH_NUM + " or withHighNum";
            case LOW -> LOW_NUM + " or withLowNum";
        };
        return STARTED.start(order, count, () -> {
            ConsumerThreads.start(consumerThreads, order.name().toLowerCase(Locale.ROOT) + "-worker-", count,
                    () -> StealingLoop.consume(own, other, StealingLoop.IDLE_WAIT), order.name(), fewer);
            return own;
        });
    }
}
