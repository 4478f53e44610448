package asyncqueues.step01;

import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import java.util.concurrent.atomic.AtomicInteger;

/** Small futures for the tests, written apart from the code under test. */
final class TestFutures {

    private TestFutures() {}

    /** Wakes itself and is Pending until its {@code polls}-th poll, which is Ready with the count. */
    static Future<Integer> readyOnPoll(int polls) {
        AtomicInteger count = new AtomicInteger();
        return cx -> {
            if (count.incrementAndGet() < polls) {
                cx.waker().wake();
                return Poll.pending();
            }
            return Poll.ready(count.get());
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
