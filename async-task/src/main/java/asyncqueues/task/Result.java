package asyncqueues.task;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value or the throwable that prevented it: the Java form of the {@code Result} that the
 * chapter's {@code catch_unwind} returns.
 *
 * @param <T> the type of the value
 */
public sealed interface Result<T> {

    /** A computation that produced {@code value}. */
    record Ok<T>(T value) implements Result<T> {}

    /** A computation that threw {@code error}. */
    record Err<T>(Throwable error) implements Result<T> {
        public Err {
            Objects.requireNonNull(error, "error must not be null");
        }
    }

    /** Runs {@code body} and returns its value as {@code Ok}, or what it threw as {@code Err}. */
    static <T> Result<T> catching(Supplier<? extends T> body) {
        Objects.requireNonNull(body, "body must not be null");
        try {
            return new Ok<>(body.get());
        } catch (Throwable thrown) {
            return new Err<>(thrown);
        }
    }

    /** {@code true} for {@code Ok}. */
    default boolean isOk() {
        return this instanceof Ok;
    }
}
