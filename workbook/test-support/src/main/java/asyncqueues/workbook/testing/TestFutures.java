package asyncqueues.workbook.testing;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small futures for the stages' tests, written apart from the code under test, so that a test
 * of a runtime does not depend on the stage's own futures (which may be exercises). Each says
 * by its name what it does when polled.
 */
public final class TestFutures {

    private TestFutures() {}

    /**
     * Wakes itself and is Pending until its {@code polls}-th poll, which is Ready with the count.
     * A poll after that fails the test: whoever awaits a future must not poll it once it is Ready.
     */
    public static Future<Integer> readyOnPoll(int polls) {
        AtomicInteger count = new AtomicInteger();
        return cx -> {
            if (count.get() >= polls) {
                throw new AssertionError("a future was polled again after it was Ready: whoever awaits a future"
                        + " must not poll it once it is Ready (once the future an AsyncBlock awaits is Ready, the block"
                        + " must move on to its next state)");
            }
            if (count.incrementAndGet() < polls) {
                cx.waker().wake();
                return Poll.pending();
            }
            return Poll.ready(count.get());
        };
    }

    /** {@code future}, counting its polls in {@code polls}: for a test to say how far a wait got. */
    public static <T> Future<T> counting(Future<T> future, AtomicInteger polls) {
        return cx -> {
            polls.incrementAndGet();
            return future.poll(cx);
        };
    }

    /** Throws {@code failure} on its first poll. */
    public static <T> Future<T> throwing(RuntimeException failure) {
        return cx -> {
            throw failure;
        };
    }

    /** Ready, on its first poll, with the name of the thread that polled it. */
    public static Future<String> threadName() {
        return cx -> Poll.ready(Thread.currentThread().getName());
    }

    /**
     * Records the name of the thread of each poll; Pending (after a wake) until its
     * {@code polls}-th poll, which is Ready with the names.
     */
    public static Future<List<String>> pollingThreadNames(int polls) {
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

    /**
     * Blocks the thread that polls it until every party of {@code barrier} is being polled at
     * the same time ({@link Within#MOMENT} at most), then is Ready with that thread's name. A task
     * that never meets the others fails instead of holding its consumer for good.
     */
    public static Future<String> meetingAt(CyclicBarrier barrier) {
        return cx -> {
            meet(barrier);
            return Poll.ready(Thread.currentThread().getName());
        };
    }

    /** As {@link #meetingAt}, Ready with the thread itself rather than its name. */
    public static Future<Thread> threadMeetingAt(CyclicBarrier barrier) {
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
