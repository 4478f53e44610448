package asyncqueues.task;

/**
 * Tells an executor that a future is worth polling again.
 *
 * <p>A future that returns {@code Pending} keeps a reference to the waker of the context it was
 * polled with, and calls {@link #wake()} when it can make progress (a timer fired, data arrived,
 * or, as the chapter's {@code CounterFuture} does, straight away). Waking is cheap and may be
 * repeated: the task behind it is scheduled at most once however many wakes arrive.
 *
 * <p>A functional interface, so that a test can poll a future by hand with
 * {@code new Context(() -> wakes.incrementAndGet())}.
 */
@FunctionalInterface
public interface Waker {

    /** Asks for the future to be polled again; safe to call from any thread, any number of times. */
    void wake();

    /** A waker that does nothing, for polling a future whose wakes nobody needs. */
    static Waker noop() {
        return () -> {};
    }
}
