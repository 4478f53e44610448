package asyncqueues.step03;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import asyncqueues.workbook.testing.Within;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeoutException;
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

    /**
     * Records the name of the thread of each poll; Pending (after a wake) until its
     * {@code polls}-th poll, which is Ready with the names.
     */
    static Future<List<String>> pollingThreadNames(int polls) {
        List<String> names = new ArrayList<>();
        return cx -> {
            names.add(Thread.currentThread().getName());
            if (names.size() < polls) {
                cx.waker().wake();
                return Poll.pending();
            }
            return Poll.ready(List.copyOf(names));
        };
    }

    /** Ready, on its first poll, with the name of the thread that polled it. */
    static Future<String> threadName() {
        return cx -> Poll.ready(Thread.currentThread().getName());
    }

    /**
     * Blocks the thread that polls it until every party of {@code barrier} is being polled at
     * the same time ({@link Within#MOMENT} at most), then is Ready with that thread's name. A task
     * that never meets the others fails instead of holding its consumer for good.
     */
    static Future<String> meetingAt(CyclicBarrier barrier) {
        return cx -> {
            meet(barrier);
            return Poll.ready(Thread.currentThread().getName());
        };
    }

    /** As {@link #meetingAt}, Ready with the thread itself rather than its name. */
    static Future<Thread> threadMeetingAt(CyclicBarrier barrier) {
        return cx -> {
            meet(barrier);
            return Poll.ready(Thread.currentThread());
        };
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await(Within.MOMENT.toMillis(), MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the other tasks", e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the " + barrier.getParties() + " tasks at the barrier never all ran"
                    + " at once: fewer than " + barrier.getParties() + " consumers took them from the queue", e);
        }
    }
}
