package asyncqueues.step04;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * One consumer loop run on a thread of the test's own, which hands back what the loop threw: so
 * the stub of exercise 4.1 fails its tests with its own message, not with a timeout.
 */
final class ConsumerThread implements AutoCloseable {

    static final Duration LIMIT = Duration.ofSeconds(5);

    private final Thread thread;
    private volatile Throwable thrown;

    private ConsumerThread(Runnable loop) {
        thread = Thread.ofPlatform().daemon().name("test-consumer").unstarted(() -> {
            try {
                loop.run();
            } catch (Throwable t) {
                thrown = t;
            }
        });
    }

    /** Starts {@code loop} on a new thread. */
    static ConsumerThread start(Runnable loop) {
        ConsumerThread consumer = new ConsumerThread(loop);
        consumer.thread.start();
        return consumer;
    }

    Thread thread() {
        return thread;
    }

    /**
     * Waits, with a bound, until {@code condition} holds; fails at once if the loop threw, with
     * what it threw as the cause.
     */
    void awaitUntil(String what, Callable<Boolean> condition) {
        await(what).atMost(LIMIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
            rethrowIfFailed();
            return condition.call();
        });
    }

    /** Throws an {@link AssertionError} caused by what the loop threw, if it threw. */
    void rethrowIfFailed() {
        Throwable failure = thrown;
        if (failure != null) {
            throw new AssertionError("the consumer loop threw " + failure, failure);
        }
    }

    /** Interrupts the loop's thread and waits, with a bound, for it to end. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
