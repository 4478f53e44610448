package asyncqueues.step07;

import asyncqueues.workbook.testing.ThreadReport;
import asyncqueues.workbook.testing.Within;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One consumer loop run on a thread of the test's own, which hands back what the loop threw: so
 * the stub of exercise 7.1 fails its tests with its own message, not with a timeout.
 */
final class ConsumerThread implements AutoCloseable {

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

    /** What the loop's thread is doing, and where. */
    String describe() {
        return ThreadReport.describe(thread);
    }

    /**
     * Waits, for {@link Within#MOMENT} at most, until {@code condition} holds; fails at once if
     * the loop threw, with what it threw as the cause, and at the end of the wait with
     * {@code failure} and where the loop's thread is.
     */
    void awaitUntil(BooleanSupplier condition, Supplier<String> failure) {
        Within.await(Within.MOMENT, () -> {
            rethrowIfFailed();
            return condition.getAsBoolean();
        }, () -> failure.get() + " (" + describe() + ")");
    }

    /** Throws an {@link AssertionError} caused by what the loop threw, if it threw. */
    void rethrowIfFailed() {
        Throwable failure = thrown;
        if (failure != null) {
            throw new AssertionError("the consumer loop threw " + failure, failure);
        }
    }

    /** Interrupts the loop's thread and waits, for {@link Within#MOMENT} at most, for it to end. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(Within.MOMENT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
