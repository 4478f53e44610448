// Carried over unchanged from step02-multi-worker's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step03;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.testing.TaskState;
import asyncqueues.workbook.testing.ThreadReport;
import asyncqueues.workbook.testing.Within;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@link AsyncRuntime#consume} on a thread and a queue of the test's own, apart from the
 * global runtime, and hands back to the test whatever the loop throws instead of letting it die
 * with the thread. Its waits are bounded by {@link Within#MOMENT}.
 */
final class ConsumerThread implements AutoCloseable {

    private final BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<Throwable> thrown = new AtomicReference<>();
    private final Thread thread;

    private ConsumerThread() {
        thread = Thread.ofPlatform().name("test-consumer").daemon().unstarted(this::consume);
    }

    static ConsumerThread start() {
        ConsumerThread consumer = new ConsumerThread();
        consumer.thread.start();
        return consumer;
    }

    private void consume() {
        try {
            AsyncRuntime.consume(queue);
        } catch (Throwable t) {
            thrown.set(t);
        }
    }

    /** The queue this consumer takes from. */
    BlockingQueue<TaskRunnable> queue() {
        return queue;
    }

    /** Spawns {@code future} onto this consumer's queue, without {@code AsyncRuntime.spawnTask}. */
    <T> Task<T> spawn(Future<T> future) {
        Spawned<T> spawned = AsyncTask.spawn(future, queue::add);
        spawned.runnable().schedule();
        return spawned.task();
    }

    /**
     * Waits, for {@link Within#MOMENT} at most, until {@code task} has finished, and returns its
     * value (or throws as {@link Futures#blockOn} does); fails with what the loop threw if it
     * stopped, or with why the task has not finished.
     */
    <T> T join(Task<T> task) {
        Within.await(Within.MOMENT, () -> task.isFinished() || !thread.isAlive(),
                () -> "the task did not finish: " + TaskState.explain(task) + " (" + describe() + ")");
        rethrowIfThrown();
        assertThat(task.isFinished()).as("the consumer loop returned with a task still queued").isTrue();
        return Futures.blockOn(task);
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    Thread.State state() {
        return thread.getState();
    }

    /** What the consumer thread is doing, and where. */
    String describe() {
        return ThreadReport.describe(thread);
    }

    /** Interrupts the loop and checks that it returned; rethrows what it threw, if anything. */
    @Override
    public void close() {
        thread.interrupt();
        Within.await(Within.MOMENT, () -> !thread.isAlive(),
                () -> "the consumer loop did not return after its thread was interrupted (" + describe() + ")");
        rethrowIfThrown();
        assertThat(thread.isAlive()).as("the consumer loop returns when its thread is interrupted").isFalse();
    }

    private void rethrowIfThrown() {
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
}
