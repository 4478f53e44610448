package asyncqueues.workbook.testing;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The consumer threads that a stage's {@code startConsumers} starts (stages 2 and 3), on a queue
 * of the test's own, apart from the global runtime; stopped when the test closes the pool, which
 * checks that each of them returned when interrupted.
 *
 * <p>The pool calls the stage's code through the {@link Starter} the test gives it, so that the
 * test shows the call it tests: {@code queue -> AsyncRuntime.startConsumers(queue, 3)}. Its waits
 * are bounded, and say what the consumers are doing when they run out.
 */
public final class ConsumerPool implements AutoCloseable {

    /** How a stage starts consumers on a queue: {@code queue -> AsyncRuntime.startConsumers(queue, 3)}. */
    @FunctionalInterface
    public interface Starter {
        List<Thread> start(BlockingQueue<TaskRunnable> queue);
    }

    private static final String NOT_STARTED = "a thread that startConsumers returned is not running: does it"
            + " start them? (Thread.Builder.unstarted only creates a thread)";

    private final BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads;

    private ConsumerPool(Starter starter) {
        threads = Objects.requireNonNull(starter.start(queue), "startConsumers returned null, not its threads");
    }

    /** Starts consumers on a new queue with {@code starter}. */
    public static ConsumerPool start(Starter starter) {
        return new ConsumerPool(starter);
    }

    /** The queue the consumers take from. */
    public BlockingQueue<TaskRunnable> queue() {
        return queue;
    }

    /** The threads {@code startConsumers} returned. */
    public List<Thread> threads() {
        return threads;
    }

    public List<String> names() {
        return threads.stream().map(Thread::getName).toList();
    }

    /**
     * Fails unless {@code call}, the start of this pool ({@code "startConsumers(queue, 3)"}),
     * returned {@code count} threads, all of them running: the guard of a test that needs the
     * global runtime, whose queue starts the same consumers.
     */
    public void assertStarted(String call, int count) {
        if (threads.size() != count) {
            throw new AssertionError("the threads " + call + " returned: " + threads.size() + " of them, " + names()
                    + ", not " + count);
        }
        if (!threads.stream().allMatch(Thread::isAlive)) {
            throw new AssertionError(NOT_STARTED + " (" + ThreadReport.describe(threads) + ")");
        }
    }

    /** Spawns {@code future} onto this pool's queue, without {@code AsyncRuntime.spawnTask}. */
    public <T> Task<T> spawn(Future<T> future) {
        Spawned<T> spawned = AsyncTask.spawn(future, queue::add);
        spawned.runnable().schedule();
        return spawned.task();
    }

    /**
     * Waits, for {@link Workers#TASK_BOUND} at most, until {@code task}, queued on this pool's
     * queue, has finished, and returns its value (or throws as {@link Futures#blockOn} does).
     */
    public <T> T join(Task<T> task) {
        Within.await(Workers.TASK_BOUND, task::isFinished, () -> whyNotFinished(task));
        return Futures.blockOn(task);
    }

    /** Interrupts the consumers and checks that each of them returned. */
    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            Within.await(Within.MOMENT, () -> !thread.isAlive(), () -> ThreadReport.describe(thread)
                    + ", although it was interrupted: does the loop it runs return?");
        }
    }

    private String whyNotFinished(Task<?> task) {
        String consumers = ThreadReport.describe(threads);
        if (threads.stream().noneMatch(Thread::isAlive)) {
            return NOT_STARTED + " (" + consumers + ")";
        }
        return "the task did not finish: " + TaskState.explain(task) + " (" + consumers + ")";
    }
}
