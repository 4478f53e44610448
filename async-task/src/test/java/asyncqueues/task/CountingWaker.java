package asyncqueues.task;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A waker that only counts its wakes: it stands for an awaiter of a task, polling the task's
 * handle directly, so that a test can see on its own thread, the moment a call returns, whether
 * and how often that call woke the awaiter.
 */
final class CountingWaker implements Waker {

    private final AtomicInteger wakes = new AtomicInteger();

    @Override
    public void wake() {
        wakes.incrementAndGet();
    }

    int wakes() {
        return wakes.get();
    }

    /** Polls {@code task} once with this waker, as an awaiter does. */
    <T> Poll<T> poll(Task<T> task) {
        return task.poll(new Context(this));
    }
}
