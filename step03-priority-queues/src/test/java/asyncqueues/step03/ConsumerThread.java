package asyncqueues.step03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@link AsyncRuntime#consume} on a thread and a queue of the test's own, apart from the
 * global runtime, and hands back to the test whatever the loop throws instead of letting it die
 * with the thread.
 */
final class ConsumerThread implements AutoCloseable {

    static final Duration BOUND = Duration.ofSeconds(5);

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
     * Waits, for {@link #BOUND} at most, until {@code task} has finished, and returns its value
     * (or throws as {@link Futures#blockOn} does); fails with what the loop threw if it stopped.
     */
    <T> T join(Task<T> task) {
        await().atMost(BOUND).pollInterval(Duration.ofMillis(5))
                .until(() -> task.isFinished() || !thread.isAlive());
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

    /** Interrupts the loop and checks that it returned; rethrows what it threw, if anything. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(BOUND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the consumer loop to return", e);
        }
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
