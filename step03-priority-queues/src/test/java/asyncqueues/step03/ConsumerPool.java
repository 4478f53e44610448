package asyncqueues.step03;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Future;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The consumers that {@link AsyncRuntime#startConsumers} starts for one order, on a queue of the
 * test's own; stopped (interrupted, and checked to have returned) when the test closes the pool.
 */
final class ConsumerPool implements AutoCloseable {

    private static final Duration BOUND = Duration.ofSeconds(5);

    final BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
    final List<Thread> threads;

    private ConsumerPool(FutureType order) {
        threads = AsyncRuntime.startConsumers(order, queue);
    }

    static ConsumerPool start(FutureType order) {
        return new ConsumerPool(order);
    }

    /**
     * Fails at once, in the test's thread, unless the consumers of both orders start: the guard
     * of every test that needs the global queues, whose holders start the same consumers.
     */
    static void requireWorkingPools() {
        for (FutureType order : FutureType.values()) {
            try (ConsumerPool pool = start(order)) {
                assertThat(pool.threads).as("consumers of %s", order).isNotEmpty();
            }
        }
    }

    /** Spawns {@code future} onto this pool's queue, without {@code AsyncRuntime.spawnTask}. */
    <T> Task<T> spawn(Future<T> future) {
        Spawned<T> spawned = AsyncTask.spawn(future, queue::add);
        spawned.runnable().schedule();
        return spawned.task();
    }

    List<String> names() {
        return threads.stream().map(Thread::getName).toList();
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(BOUND);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the consumers to stop", e);
            }
            assertThat(thread.isAlive()).as("%s stops when interrupted", thread.getName()).isFalse();
        }
    }
}
