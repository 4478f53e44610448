package asyncqueues.step03;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Poll;

/**
 * A test's future with a label stuck on, since stage 3's spawnTask takes only labelled futures
 * (stage 5 passes the order to spawnTask instead).
 */
record Labelled<T>(FutureType order, Future<T> future) implements FutureOrderLabel<T> {

    static <T> Labelled<T> high(Future<T> future) {
        return new Labelled<>(FutureType.HIGH, future);
    }

    static <T> Labelled<T> low(Future<T> future) {
        return new Labelled<>(FutureType.LOW, future);
    }

    @Override
    public FutureType getOrder() {
        return order;
    }

    @Override
    public Poll<T> poll(Context cx) {
        return future.poll(cx);
    }
}
