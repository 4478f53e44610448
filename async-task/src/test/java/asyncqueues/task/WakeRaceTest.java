package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Wakes from another thread racing the polls of one task, on an executor with two consumers (so
 * that a task queued at the wrong moment would be polled by the second consumer while the first
 * is still polling). Each test repeats its race 100,000 times and counts exactly.
 */
@DisplayName("RawTask: wakes from other threads racing the polls")
class WakeRaceTest {

    private static final int POLLS = 100_000;
    private static final int JITTER = 32;

    @Test
    @Timeout(60)
    @DisplayName("a wake that lands during a poll leads to exactly one more poll, never an overlapping one")
    void wakeDuringPollNeverOverlaps() {
        try (QueueExecutor executor = new QueueExecutor("race", 2);
                RemoteWaker remote = new RemoteWaker()) {
            WokenDuringPoll future = new WokenDuringPoll(executor, remote);

            Task<Integer> task = executor.spawn(future);

            awaitLastPoll(task);
            assertThat(Futures.blockOn(task)).isEqualTo(POLLS);
            assertThat(future.overlaps).as("polls that overlapped another").hasValue(0);
            assertThat(future.queuedDuringPoll).as("polls during which the task was queued").hasValue(0);
            assertThat(future.polls).hasValue(POLLS);
            assertThat(executor.scheduled()).as("the first schedule and one per wake").isEqualTo(POLLS);
            assertThat(executor.failures()).isEmpty();
        }
    }

    @Test
    @Timeout(60)
    @DisplayName("a wake racing the end of a Pending poll is never lost and never doubled")
    void wakeRacingTheEndOfAPollIsNeverLost() {
        try (QueueExecutor executor = new QueueExecutor("race", 2);
                RemoteWaker remote = new RemoteWaker()) {
            WokenAroundPollEnd future = new WokenAroundPollEnd(remote);

            Task<Integer> task = executor.spawn(future);

            awaitLastPoll(task);
            assertThat(Futures.blockOn(task)).isEqualTo(POLLS);
            assertThat(future.polls).hasValue(POLLS);
            assertThat(future.overlaps).hasValue(0);
            assertThat(executor.scheduled()).as("the first schedule and one per wake").isEqualTo(POLLS);
            assertThat(executor.failures()).isEmpty();
        }
    }

    private static void awaitLastPoll(Task<Integer> task) {
        await("the last poll (a lost wake stops the task short)")
                .atMost(Duration.ofSeconds(50))
                .pollInterval(Duration.ofMillis(10))
                .until(task::isFinished);
    }

    /**
     * Counts polls, and polls that began while another was in progress. The pending polls ask
     * the remote waker to wake the task, and the subclasses choose when.
     */
    private abstract static class RacedFuture implements Future<Integer> {
        final AtomicInteger polls = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        private final AtomicInteger inPoll = new AtomicInteger();

        @Override
        public final Poll<Integer> poll(Context cx) {
            if (inPoll.getAndIncrement() != 0) {
                overlaps.incrementAndGet();
            }
            try {
                int count = polls.incrementAndGet();
                if (count == POLLS) {
                    return Poll.ready(count);
                }
                askForWake(cx.waker());
                return Poll.pending();
            } finally {
                inPoll.decrementAndGet();
            }
        }

        abstract void askForWake(Waker waker);
    }

    /** Waits, inside the poll, until the remote thread's wake has happened. */
    private static final class WokenDuringPoll extends RacedFuture {
        final AtomicInteger queuedDuringPoll = new AtomicInteger();
        private final QueueExecutor executor;
        private final RemoteWaker remote;

        WokenDuringPoll(QueueExecutor executor, RemoteWaker remote) {
            this.executor = executor;
            this.remote = remote;
        }

        @Override
        void askForWake(Waker waker) {
            int scheduledBefore = executor.scheduled();
            remote.wakeAndWait(waker);
            if (executor.scheduled() != scheduledBefore) {
                queuedDuringPoll.incrementAndGet();
            }
        }
    }

    /**
     * Asks for the wake and returns after a short random delay (a few hundred nanoseconds, about
     * what the remote thread takes to see the request), so that the wake lands sometimes before
     * the poll ends, sometimes after, and sometimes while the poller is leaving RUNNING.
     */
    private static final class WokenAroundPollEnd extends RacedFuture {
        private final RemoteWaker remote;

        WokenAroundPollEnd(RemoteWaker remote) {
            this.remote = remote;
        }

        @Override
        void askForWake(Waker waker) {
            remote.wakeSoon(waker);
            for (int i = ThreadLocalRandom.current().nextInt(JITTER); i > 0; i--) {
                Thread.onSpinWait();
            }
        }
    }

    /** A thread that wakes a waker each time it is asked, so that the wake comes from outside the poll. */
    private static final class RemoteWaker implements AutoCloseable {
        private final Semaphore asked = new Semaphore(0);
        private final Semaphore woken = new Semaphore(0);
        private final Thread thread = Thread.ofPlatform().daemon().name("remote-waker").start(this::serve);
        private volatile Waker waker;
        private volatile boolean answer;

        /** Has {@code target} woken, and returns once it has been. */
        void wakeAndWait(Waker target) {
            waker = target;
            answer = true;
            asked.release();
            try {
                Spin.acquire(woken);
            } catch (InterruptedException e) {
                throw new AssertionError("interrupted inside a poll", e);
            }
        }

        /** Has {@code target} woken, and returns at once. */
        void wakeSoon(Waker target) {
            waker = target;
            answer = false;
            asked.release();
        }

        private void serve() {
            try {
                for (;;) {
                    Spin.acquire(asked);
                    boolean answering = answer; // read before the wake, which may start the next poll
                    waker.wake();
                    if (answering) {
                        woken.release();
                    }
                }
            } catch (InterruptedException closing) {
                // close() stops the thread
            }
        }

        @Override
        public void close() {
            Threads.stop(List.of(thread));
        }
    }
}
