package asyncqueues.task;

/**
 * A value that may not be ready yet: the Java form of Rust's {@code Future} trait.
 *
 * <p>An executor calls {@link #poll} to make progress. A future that cannot finish now returns
 * {@link Poll#pending()} and arranges for {@code cx.waker().wake()} to be called when it is
 * worth polling again; without that wake it is never polled again. A future that has finished
 * returns {@link Poll#ready(Object)}, and is not polled after that.
 *
 * <p>The name is the same as {@link java.util.concurrent.Future}'s, which is a handle to a
 * result rather than a pollable computation; import the types you need one by one.
 *
 * @param <T> the type of the value the future produces
 */
@FunctionalInterface
public interface Future<T> {

    /**
     * Makes as much progress as possible without blocking for long.
     *
     * @param cx gives access to the waker of the task that is polling
     * @return {@code Ready} with the value, or {@code Pending} after arranging a wake
     */
    Poll<T> poll(Context cx);
}
