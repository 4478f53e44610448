package asyncqueues.step04;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import java.util.Objects;

/**
 * A future that says which queue it belongs on: the chapter's {@code FutureOrderLabel} trait.
 *
 * <p>{@link AsyncRuntime#spawnTask} accepts only such futures, which is the awkwardness the
 * chapter points out at the end of its task-stealing section: a plain future, such as an
 * {@code async} block, must first be wrapped with {@link #labelled}. Stage 5 drops the label and
 * passes the queue as an argument instead.
 *
 * @param <T> the type of the future's value
 */
public interface FutureOrderLabel<T> extends Future<T> {

    /** The queue this future is to run on. */
    FutureType getOrder();

    /**
     * Gives {@code future} a label: the boilerplate every unlabelled future needs in this stage.
     *
     * @throws NullPointerException if either argument is {@code null}, naming which
     */
    static <T> FutureOrderLabel<T> labelled(FutureType order, Future<T> future) {
        Objects.requireNonNull(order, "order must not be null");
        Objects.requireNonNull(future, "future must not be null");

        record Labelled<T>(FutureType order, Future<T> future) implements FutureOrderLabel<T> {
            @Override
            public FutureType getOrder() {
                return order;
            }

            @Override
            public Poll<T> poll(Context cx) {
                return future.poll(cx);
            }
        }
        return new Labelled<>(order, future);
    }
}
