// Carried over unchanged from step03-priority-queues's solution by ./jbang stubs --write; edit it there.
package asyncqueues.step07;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import java.util.Objects;

/**
 * A future that says which queue it belongs on: the chapter's {@code FutureOrderLabel} trait.
 *
 * <p>{@link AsyncRuntime#spawnTask} accepts only such futures, which is the awkwardness the
 * chapter points out: a plain future (a lambda, {@code Futures.async}, a {@code Futures.sequence}
 * block) carries no label, so it cannot be spawned until something labels it. Stage 5 drops the
 * label and passes the queue to {@code spawnTask} as an argument instead.
 *
 * @param <T> the type of the future's value
 */
public interface FutureOrderLabel<T> extends Future<T> {

    /** The queue this future is to run on; never {@code null}. */
    FutureType getOrder();

    /**
     * Gives {@code future} a label. This is the convenience the chapter lacks: there, the trait is
     * implemented once per future type, so an async block cannot be spawned until it has a type
     * of its own. Here the boilerplate is written once, for any future; stage 5, which passes the
     * queue to {@code spawnTask}, removes the need for it.
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
