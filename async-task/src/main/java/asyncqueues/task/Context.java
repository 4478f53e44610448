package asyncqueues.task;

import java.util.Objects;

/**
 * What a future is given when it is polled: the waker of the task polling it.
 *
 * <p>Rust's {@code Context} carries more, but the waker is all this runtime needs.
 *
 * @param waker wakes the task that is polling; never {@code null}
 */
public record Context(Waker waker) {

    public Context {
        Objects.requireNonNull(waker, "waker must not be null");
    }
}
