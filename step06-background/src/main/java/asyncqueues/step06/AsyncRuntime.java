// Carried over unchanged from step05-builder-macros's solution by ./jbang stubs --write; edit it there.
package asyncqueues.step06;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Result;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * Stage 5's runtime: stage 4's two stealing queues, with the chapter's conveniences on top.
 *
 * <ul>
 *   <li>{@link #spawnTask(Future, FutureType)} takes any future and the queue to put it on, and
 *       {@link #spawnTask(Future)} puts it on LOW: the chapter's {@code spawn_task!} macro, whose
 *       two forms are two overloads here.
 *   <li>{@link #join} and {@link #tryJoin}: the chapter's {@code join!} and {@code try_join!},
 *       which block on several tasks and give their values (or outcomes) in argument order.
 *   <li>A builder, {@code new AsyncRuntime().withHighNum(4).withLowNum(2).run()}: the chapter's
 *       {@code Runtime}, which sets each queue's number of consumer threads and starts both
 *       queues before the first task, so that stealing works from the start.
 * </ul>
 *
 * <h2>Lazy globals and their configuration</h2>
 * As in stage 4, each channel and each queue is the one field of a holder class, the idiom that
 * stands for Rust's {@code LazyLock}: the JVM initializes a class on first use, once. A queue's
 * consumers start when its holder is initialized, on the first spawn to it, and their number is
 * read then, from the system properties {@value #HIGH_NUM} and {@value #LOW_NUM}. The chapter
 * passes the numbers in environment variables; a Java program cannot set its own environment, so
 * system properties play that part, under the same names. {@link #run()} sets them; so may
 * {@code java -DHIGH_NUM=4}, and {@code new AsyncRuntime()} starts from what they say. Once a
 * queue has started its threads exist, so it cannot be reconfigured: {@code run()} with other
 * numbers then fails rather than pretend. A number is at most {@value #MAX_CONSUMERS}, whichever
 * way it is given.
 *
 * <p>The consumers are daemon platform threads named {@code high-worker-N} and
 * {@code low-worker-N}: the program ends when {@code main} does, and a thread dump says who is who.
 */
public final class AsyncRuntime {

    /** The system property holding the number of HIGH consumer threads. */
    public static final String HIGH_NUM = "HIGH_NUM";

    /** The system property holding the number of LOW consumer threads. */
    public static final String LOW_NUM = "LOW_NUM";

    /**
     * The most consumer threads a queue may have. Each is a platform thread with a stack of its
     * own, and a process gets a few thousand at most: asked for a billion, a queue would start
     * thousands and then fail. Consumers beyond the machine's cores only help while tasks block
     * their threads (as the chapter's sleeps do): 256 leaves room for plenty of that, and stays
     * far below what an operating system refuses.
     */
    public static final int MAX_CONSUMERS = 256;

    /** How long an idle consumer sleeps before it looks at the queues again: the chapter's. */
    static final Duration IDLE_WAIT = Duration.ofMillis(100);

    /** How many consumer threads each started queue has; a queue is absent until it starts. */
    private static final Map<FutureType, Integer> STARTED = new ConcurrentHashMap<>();

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
        static final QueueStart INSTANCE =
                startConsumers(FutureType.HIGH, HighChannel.INSTANCE, LowChannel.INSTANCE);
    }

    /** {@code LOW_QUEUE}: on first use, starts the LOW consumers, which steal from HIGH. */
    private static final class LowQueue {
        static final QueueStart INSTANCE =
                startConsumers(FutureType.LOW, LowChannel.INSTANCE, HighChannel.INSTANCE);
    }

    /**
     * What starting a queue gave: the channel to send on, or why its consumers could not start.
     * A holder keeps the failure rather than throwing it: a class whose initializer throws is
     * unusable for good, and every later spawn would get a bare {@link NoClassDefFoundError}.
     */
    private record QueueStart(BlockingQueue<TaskRunnable> channel, IllegalStateException failure) {
        BlockingQueue<TaskRunnable> channelOrThrow() {
            if (failure != null) {
                // A new exception, so that its stack is this spawn's; the first one is its cause.
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            return channel;
        }
    }

    /**
     * Makes the consumer threads: daemon platform threads, so that the program ends when
     * {@code main} does. Not final only so that a test can play a machine that refuses a thread.
     */
    static volatile ThreadFactory consumerThreads = Thread.ofPlatform().daemon().factory();

    // ------------------------------------------------------------------ the runtime builder

    private final int highNum;
    private final int lowNum;

    /**
     * A runtime with the configured numbers of consumer threads: for each queue, its system
     * property if it is set (so that {@code java -DHIGH_NUM=4 ...} is what {@link #run()}
     * publishes, not overwritten by it), else the default: one LOW, and for HIGH the machine's
     * cores less two, but at least one (see {@link #defaultCount}). The chapter's
     * {@code Runtime::new} takes the defaults only, and so overrides whatever the environment
     * said; the {@code with} methods override the numbers in code.
     *
     * @throws IllegalArgumentException if a property is set but is not a whole number from 1 to
     *         {@value #MAX_CONSUMERS}, naming the property and its value (a bad setting is not
     *         silently replaced)
     */
    public AsyncRuntime() {
        this(consumerCount(FutureType.HIGH), consumerCount(FutureType.LOW));
    }

    private AsyncRuntime(int highNum, int lowNum) {
        this.highNum = highNum;
        this.lowNum = lowNum;
    }

    /**
     * A runtime like this one with {@code num} HIGH consumer threads.
     *
     * @throws IllegalArgumentException if {@code num} is less than 1 or more than {@value #MAX_CONSUMERS}
     */
    public AsyncRuntime withHighNum(int num) {
        return new AsyncRuntime(requireConsumerCount(num, "withHighNum"), lowNum);
    }

    /**
     * A runtime like this one with {@code num} LOW consumer threads.
     *
     * @throws IllegalArgumentException if {@code num} is less than 1 or more than {@value #MAX_CONSUMERS}
     */
    public AsyncRuntime withLowNum(int num) {
        return new AsyncRuntime(highNum, requireConsumerCount(num, "withLowNum"));
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
     * Publishes this runtime's numbers in the system properties {@value #HIGH_NUM} and
     * {@value #LOW_NUM}, then starts both queues by spawning an empty task to each, and returns
     * once both tasks have run. From then on both queues' consumers exist and steal, whichever
     * queue the first real tasks go to. Call it at the start of {@code main}, before any
     * {@code spawnTask}; calling it again with the same numbers changes nothing.
     *
     * <p>It is not made to race other threads. Checking that a queue has not started and
     * publishing its number are two steps, so a first spawn to that queue on another thread
     * (or another {@code run()}) that falls between them starts the queue with the number that
     * was published before, and this call does not notice. Closing that window would take a
     * lock shared with the queues' start; a program that configures its runtime first thing in
     * {@code main}, before it starts any thread, as the chapter's does, has no such window.
     *
     * @throws IllegalStateException if a queue has already started with another number of
     *         consumer threads (it started on an earlier spawn or run, and its threads exist)
     */
    public void run() {
        requireStartableWith(FutureType.HIGH, highNum);
        requireStartableWith(FutureType.LOW, lowNum);
        System.setProperty(HIGH_NUM, Integer.toString(highNum));
        System.setProperty(LOW_NUM, Integer.toString(lowNum));
        join(spawnTask(Futures.async(() -> {}), FutureType.HIGH),
                spawnTask(Futures.async(() -> {}), FutureType.LOW));
    }

    /**
     * Throws unless {@code order}'s queue has not started yet or started with {@code count}
     * consumer threads: a started queue keeps the threads it has.
     */
    static void requireStartableWith(FutureType order, int count) {
        Integer started = STARTED.get(order);
        if (started != null && started != count) {
            throw new IllegalStateException("the " + order + " queue has already started with "
                    + started + " consumer thread(s), so it cannot have " + count + ": configure"
                    + " the runtime, new AsyncRuntime()...run(), before the first spawnTask");
        }
    }

    /**
     * The default number of consumer threads: 1 for LOW, as in the chapter; for HIGH the
     * machine's cores less two, as in the chapter, but at least 1. The chapter's
     * {@code num_cores - 2} is 0 on a two-core machine (HIGH tasks would then run only when a
     * LOW consumer steals them) and, being unsigned, underflows on a one-core machine.
     */
    static int defaultCount(FutureType order) {
        return switch (order) {
            case HIGH -> Math.max(1, Runtime.getRuntime().availableProcessors() - 2);
            case LOW -> 1;
        };
    }

    /**
     * The number of consumer threads {@code order}'s queue is to start with: its system
     * property, or {@link #defaultCount} when that is not set.
     *
     * @throws IllegalArgumentException if the property is set but is not a whole number from 1
     *         to {@value #MAX_CONSUMERS}, naming the property and its value
     */
    static int consumerCount(FutureType order) {
        String property = propertyOf(order);
        String value = System.getProperty(property);
        if (value == null) {
            return defaultCount(order);
        }
        int count;
        try {
            count = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(badCount(property, value), e);
        }
        if (count < 1 || count > MAX_CONSUMERS) {
            throw new IllegalArgumentException(badCount(property, value));
        }
        return count;
    }

    private static String badCount(String property, String value) {
        return "the system property " + property + " must be a whole number of consumer threads,"
                + " from 1 to " + MAX_CONSUMERS + "; it is '" + value + "'";
    }

    private static String propertyOf(FutureType order) {
        return switch (order) {
            case HIGH -> HIGH_NUM;
            case LOW -> LOW_NUM;
        };
    }

    private static int requireConsumerCount(int num, String method) {
        if (num < 1 || num > MAX_CONSUMERS) {
            throw new IllegalArgumentException(method + ": a queue has from 1 to " + MAX_CONSUMERS
                    + " consumer threads, got " + num);
        }
        return num;
    }

    // ------------------------------------------------------------------ spawning

    /**
     * Spawns {@code future} onto the LOW queue: the chapter's {@code spawn_task!(future)}.
     *
     * @throws NullPointerException if {@code future} is {@code null}
     */
    public static <T> Task<T> spawnTask(Future<T> future) {
        Objects.requireNonNull(future, "future must not be null");
        return spawnTask(future, FutureType.LOW);
    }

    /**
     * Spawns {@code future} onto {@code order}'s queue, starting that queue's consumers if this
     * is its first task, and returns the task: the chapter's {@code spawn_task!(future, order)}.
     *
     * @throws NullPointerException if an argument is {@code null}, naming which
     * @throws IllegalArgumentException if the queue starts now and its system property is bad
     */
    public static <T> Task<T> spawnTask(Future<T> future, FutureType order) {
        Objects.requireNonNull(future, "future must not be null");
        Objects.requireNonNull(order, "order must not be null");
        BlockingQueue<TaskRunnable> queue = queueFor(order);
        Spawned<T> spawned = AsyncTask.spawn(future, queue::add);
        spawned.runnable().schedule();
        return spawned.task();
    }

    /**
     * The queue to send {@code order}'s tasks to, started if need be. A holder whose initializer
     * throws is unusable for good (an {@link ExceptionInInitializerError}, then
     * {@link NoClassDefFoundError} on every later use), so a bad system property is reported
     * here first, as an {@link IllegalArgumentException}, and the queue can start once it is fixed.
     *
     * @throws IllegalStateException if the queue could not start its consumer threads
     */
    private static BlockingQueue<TaskRunnable> queueFor(FutureType order) {
        if (!STARTED.containsKey(order)) {
            consumerCount(order);
        }
        QueueStart queue = switch (order) {
            case HIGH -> HighQueue.INSTANCE;
            case LOW -> LowQueue.INSTANCE;
        };
        return queue.channelOrThrow();
    }

    /**
     * Starts {@code order}'s consumers, as many as {@link #consumerCount} says, each serving
     * {@code own} and stealing from {@code other}; records the number before it starts them.
     * If the machine refuses a thread, stops those it started (half a queue would run with
     * fewer threads than asked for, and keep them for good) and gives the reason instead.
     */
    private static QueueStart startConsumers(
            FutureType order, BlockingQueue<TaskRunnable> own, BlockingQueue<TaskRunnable> other) {
        int count = consumerCount(order);
        STARTED.put(order, count); // the number is fixed once read, before the threads exist
        String namePrefix = order.name().toLowerCase(Locale.ROOT) + "-worker-";
        List<Thread> started = new ArrayList<>(count);
        try {
            for (int n = 1; n <= count; n++) {
                Thread consumer = consumerThreads.newThread(() -> consume(own, other, IDLE_WAIT));
                consumer.setName(namePrefix + n);
                consumer.start();
                started.add(consumer);
            }
            return new QueueStart(own, null);
        } catch (OutOfMemoryError refused) { // how the JVM says "unable to create native thread"
            started.forEach(Thread::interrupt); // an interrupt ends a consumer's loop
            STARTED.remove(order); // it did not start: run() must not take it for started
            return new QueueStart(null, new IllegalStateException("the " + order + " queue cannot start:"
                    + " the machine refused its consumer thread " + (started.size() + 1) + " of " + count
                    + " (" + refused + "), and the " + started.size() + " started were stopped. Ask for"
                    + " fewer with " + settingOf(order) + " (at most " + MAX_CONSUMERS + "), or let the"
                    + " process have more threads", refused));
        }
    }

    /** The two ways to set {@code order}'s number of consumer threads, for messages. */
    private static String settingOf(FutureType order) {
        return switch (order) {
            case HIGH -> HIGH_NUM + " or withHighNum";
            case LOW -> LOW_NUM + " or withLowNum";
        };
    }

    // ------------------------------------------------------------------ joining

    /**
     * Blocks until every task has finished and returns their values in argument order, whatever
     * order they finish in: the chapter's {@code join!}. A {@code Void} task's value is
     * {@code null}.
     *
     * @throws CompletionException if a task's future threw (what it threw is the cause)
     * @throws CancellationException if a task was cancelled, naming its position
     * @throws IllegalStateException if a task was detached (nobody may await it), naming its position
     * @throws NullPointerException if {@code tasks} or one of them is {@code null}
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
     * chapter's {@code try_join!}. A task that completed gives {@code Ok} with its value; one
     * whose future threw gives {@code Err} with what the future threw; a cancelled one gives
     * {@code Err} with a {@link CancellationException}, and a detached one, which nobody may
     * await, {@code Err} with an {@link IllegalStateException} that says so. One task's outcome
     * does not affect the others'.
     *
     * @throws NullPointerException if {@code tasks} or one of them is {@code null}
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

    // ------------------------------------------------------------------ the consumers

    /**
     * The loop of a consumer that steals (stage 4's exercise): takes the next runnable from
     * {@code own}, else from {@code other}, and runs it; when both are empty, sleeps for
     * {@code idleWait} and looks again. Runs until the thread is interrupted.
     *
     * <p>The sleep is the chapter's, and costs up to {@code idleWait} of latency for work queued
     * while every consumer sleeps, and ten wake-ups a second per idle consumer; a semaphore
     * counting the queued runnables, which idle consumers block on, would cost neither.
     */
    static void consume(BlockingQueue<TaskRunnable> own, BlockingQueue<TaskRunnable> other, Duration idleWait) {
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

    /** Sleeps for {@code idleWait}; {@code false} (interrupt status kept) if interrupted. */
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
