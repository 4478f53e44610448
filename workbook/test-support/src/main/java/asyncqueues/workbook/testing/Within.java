package asyncqueues.workbook.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded waits for the stages' tests.
 *
 * <p>A learner's mistake in a runtime often shows as something that never happens: a runnable
 * that no consumer takes, a task that nobody wakes, a join that never returns. A test that waits
 * for it here fails within the bound, by a {@link NotInTime} whose message says what did not
 * happen and where to look, instead of hanging until its {@code @Timeout} and failing with a
 * bare {@code TimeoutException}. The message is asked for only when the time is up, so that it
 * can look at what did happen meanwhile (is the runnable still queued? was the future polled?).
 */
public final class Within {

    /**
     * The bound on what a sound runtime does at once (take a runnable, run a poll): ample on a
     * loaded two-core machine, and short enough that a learner is not kept waiting.
     */
    public static final Duration MOMENT = Duration.ofSeconds(2);

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private Within() {}

    /**
     * Returns once {@code condition} holds, checking it every few milliseconds.
     *
     * @param bound   how long to wait at most
     * @param failure what did not happen and where to look: asked for when the bound is reached
     * @throws NotInTime if {@code condition} did not hold within {@code bound}
     */
    public static void await(Duration bound, BooleanSupplier condition, Supplier<String> failure) {
        Objects.requireNonNull(condition, "condition must not be null");
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw notInTime(bound, failure);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * Calls {@code blocking} (a join, a {@code blockOn}) on a daemon thread of its own, and returns
     * what it returns or throws what it throws, if it ends within {@code bound}. A call that
     * does not is left on its thread: an interrupt does not end every wait ({@code blockOn}
     * ignores it), and a test must not hang on it.
     *
     * @throws NotInTime if the call did not end within {@code bound}
     */
    public static <T> T call(Duration bound, Callable<T> blocking, Supplier<String> failure) throws Exception {
        Objects.requireNonNull(blocking, "blocking must not be null");
        // A FutureTask hands over exactly what the call threw (a CompletableFuture would unwrap a
        // CompletionException, which Futures.blockOn throws for a task whose future failed).
        FutureTask<T> call = new FutureTask<>(blocking);
        Thread.ofPlatform().daemon().name("bounded-call").start(call);
        try {
            return call.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw notInTime(bound, failure);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static NotInTime notInTime(Duration bound, Supplier<String> failure) {
        return new NotInTime(failure.get() + " (waited " + describe(bound) + ")");
    }

    private static String describe(Duration bound) {
        return bound.toMillis() % 1000 == 0 ? bound.toSeconds() + " s" : bound.toMillis() + " ms";
    }
}
