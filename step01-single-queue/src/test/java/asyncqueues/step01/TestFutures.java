package asyncqueues.step01;

import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import java.util.concurrent.atomic.AtomicInteger;

/** Small futures for the tests, written apart from the code under test. */
final class TestFutures {

    private TestFutures() {}

    /**
     * Wakes itself and is Pending until its {@code polls}-th poll, which is Ready with the count.
     * A poll after that fails the test: whoever awaits a future must not poll it once it is Ready.
     */
    static Future<Integer> readyOnPoll(int polls) {
        AtomicInteger count = new AtomicInteger();
        return cx -> {
            if (count.get() >= polls) {
                throw new AssertionError("a future was polled again after it was Ready (once the future an"
                        + " AsyncBlock awaits is Ready, the block must move on to its next state)");
            }
            if (count.incrementAndGet() < polls) {
                cx.waker().wake();
                return Poll.pending();
            }
            return Poll.ready(count.get());
        };
    }

    /** {@code future}, counting its polls in {@code polls}: for a test to say how far a wait got. */
    static <T> Future<T> counting(Future<T> future, AtomicInteger polls) {
        return cx -> {
            polls.incrementAndGet();
            return future.poll(cx);
        };
    }

    /** Throws {@code failure} on its first poll. */
    static <T> Future<T> throwing(RuntimeException failure) {
        return cx -> {
            throw failure;
        };
    }

    /** Ready, on its first poll, with the name of the thread that polled it. */
    static Future<String> threadName() {
        return cx -> Poll.ready(Thread.currentThread().getName());
    }
}
