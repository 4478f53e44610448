package asyncqueues.task;

/**
 * The outcome of one {@link Future#poll}: {@link Ready} with a value, or {@link Pending}.
 *
 * <p>Sealed, so a {@code switch} over a poll needs no default branch:
 * <pre>{@code
 * switch (future.poll(cx)) {
 *     case Poll.Ready<T>(T value) -> use(value);
 *     case Poll.Pending<T> pending -> waitForWake();
 * }
 * }</pre>
 *
 * @param <T> the type of the value
 */
public sealed interface Poll<T> {

    /** The future has finished with {@code value} (which may be {@code null}, as for {@code Void}). */
    record Ready<T>(T value) implements Poll<T> {}

    /** The future has not finished; it will be polled again after its waker is woken. */
    record Pending<T>() implements Poll<T> {}

    /**
     * Returns {@code Ready(value)}. {@code Ready(null)}, the outcome of every {@code Void} future,
     * is one shared instance, so the commonest poll allocates nothing.
     */
    @SuppressWarnings("unchecked")
    static <T> Poll<T> ready(T value) {
        return value == null ? (Poll<T>) SharedPolls.READY_NULL : new Ready<>(value);
    }

    /** Returns {@code Pending}; every pending poll shares one instance, as it carries nothing. */
    @SuppressWarnings("unchecked")
    static <T> Poll<T> pending() {
        return (Poll<T>) SharedPolls.PENDING;
    }

    /** {@code true} for {@code Ready}. */
    default boolean isReady() {
        return this instanceof Ready;
    }

    /** {@code true} for {@code Pending}. */
    default boolean isPending() {
        return this instanceof Pending;
    }
}

/** The polls that carry nothing, one instance each, out of sight of the interface's public members. */
final class SharedPolls {
    static final Poll.Pending<Object> PENDING = new Poll.Pending<>();
    static final Poll.Ready<Object> READY_NULL = new Poll.Ready<>(null);

    private SharedPolls() {}
}
