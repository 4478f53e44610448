// Carried over unchanged from step01-single-queue's solution by ./jbang stubs --write; edit it there.
package asyncqueues.step02;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import java.time.Duration;
import java.util.Objects;

/**
 * A sleep that does not block its thread: Ready with {@code true} once {@code duration} has
 * passed since the future was created, and until then Pending.
 *
 * <p>Instead of holding the consumer, a poll that comes too early wakes its own task and returns
 * Pending, so the task goes back on the queue and other tasks run in between. The start is read
 * from {@link System#nanoTime()}, the JVM's monotonic clock (Rust's {@code Instant}): unlike the
 * wall clock, it never jumps when the system's time is set.
 *
 * <p>What that costs: until the time is up, the task is polled again as soon as the queue comes
 * round to it, so a sleeping task keeps a consumer busy checking the clock, and an otherwise idle
 * runtime spins. A production timer instead hands the waker to a timer thread (in the JDK, a
 * {@code ScheduledExecutorService}) that wakes the task once, at the deadline. The chapter's
 * version needs nothing but the waker, which is why it is the one to learn from.
 */
public final class AsyncSleep implements Future<Boolean> {

    private final long startNanos;
    private final Duration duration;

    /**
     * A sleep of {@code duration}, counted from now.
     *
     * @throws NullPointerException if {@code duration} is {@code null}
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public AsyncSleep(Duration duration) {
        Objects.requireNonNull(duration, "duration must not be null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
        this.duration = duration;
        this.startNanos = System.nanoTime();
    }

    @Override
    public Poll<Boolean> poll(Context cx) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        if (elapsed.compareTo(duration) >= 0) {
            return Poll.ready(true);
        }
        cx.waker().wake();
        return Poll.pending();
    }
}
