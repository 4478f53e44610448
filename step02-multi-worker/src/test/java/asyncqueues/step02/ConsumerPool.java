package asyncqueues.step02;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.TaskRunnable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Consumers started by {@link AsyncRuntime#startConsumers} on a queue of the test's own, stopped
 * (interrupted, and checked to have returned) when the test closes the pool.
 */
final class ConsumerPool implements AutoCloseable {

    private static final Duration BOUND = Duration.ofSeconds(5);

    final BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
    final List<Thread> threads;

    private ConsumerPool(int count) {
        threads = AsyncRuntime.startConsumers(queue, count);
    }

    static ConsumerPool start(int count) {
        return new ConsumerPool(count);
    }

    /**
     * Fails at once, in the test's thread, unless a pool of {@link AsyncRuntime#CONSUMERS} starts:
     * the guard of every test that needs the global runtime, whose holder starts the same pool.
     */
    static void requireWorkingPool() {
        try (ConsumerPool pool = start(AsyncRuntime.CONSUMERS)) {
            assertThat(pool.threads).hasSize(AsyncRuntime.CONSUMERS);
        }
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
