package asyncqueues.step07;

import asyncqueues.task.TaskRunnable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A queue of runnables that counts how many times a consumer looked in it, found something or
 * not ({@code size()} is not counted: the tests' messages call it): so a test can tell a parked consumer (no looks) from one that sleeps and looks again, as
 * stage 4's did, or one that spins.
 */
final class LookCountingQueue extends LinkedBlockingQueue<TaskRunnable> {

    private static final long serialVersionUID = 1L;

    private final AtomicLong looks = new AtomicLong();

    /** How many times a consumer looked in this queue so far. */
    long looks() {
        return looks.get();
    }

    @Override
    public TaskRunnable poll() {
        looks.incrementAndGet();
        return super.poll();
    }

    @Override
    public TaskRunnable poll(long timeout, TimeUnit unit) throws InterruptedException {
        looks.incrementAndGet();
        return super.poll(timeout, unit);
    }

    @Override
    public TaskRunnable take() throws InterruptedException {
        looks.incrementAndGet();
        return super.take();
    }

    @Override
    public boolean isEmpty() {
        looks.incrementAndGet();
        return super.isEmpty();
    }

    @Override
    public TaskRunnable peek() {
        looks.incrementAndGet();
        return super.peek();
    }
}
