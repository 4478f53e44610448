package asyncqueues.step03;

import asyncqueues.task.Future;

/**
 * A future that says which queue it belongs on. Stage 3's {@code spawnTask} accepts only these,
 * which is the stage's weak point: a plain future (a lambda, {@code Futures.async}, a
 * {@code Futures.sequence} block) carries no label, so it cannot be spawned until something
 * implements this interface for it. Stage 5 drops the interface and passes the order to
 * {@code spawnTask} instead.
 *
 * @param <T> the type of the future's value
 */
public interface FutureOrderLabel<T> extends Future<T> {

    /** The queue this future is to run on; never {@code null}. */
    FutureType getOrder();
}
