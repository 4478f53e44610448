package asyncqueues.task;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chapter's counting future, without its printing and sleeping: each poll counts, and until
 * the count reaches {@code target} the poll wakes its own task and returns Pending, so the task
 * is polled {@code target} times and is ready with {@code target}.
 */
final class CounterFuture implements Future<Integer> {

    private final int target;
    private final AtomicInteger polls = new AtomicInteger();

    CounterFuture(int target) {
        this.target = target;
    }

    @Override
    public Poll<Integer> poll(Context cx) {
        int count = polls.incrementAndGet();
        if (count < target) {
            cx.waker().wake();
            return Poll.pending();
        }
        return Poll.ready(count);
    }

    int polls() {
        return polls.get();
    }
}
