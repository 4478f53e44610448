package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Wakes from another thread racing the polls of one task, on an executor with two consumers (so
 * that a task queued at the wrong moment would be polled by the second consumer while the first
 * is still polling). Each test repeats its race 100,000 times and counts exactly.
 *
 * <p>Who queues a woken task tells where the wake landed: the consumer that polled it, when the
 * wake came during the poll; the waking thread, when it found the task idle. The executor
 * counts the schedules that come from its consumers, and the tests check that each race went
 * the ways it was meant to.
 */
@DisplayName("RawTask: wakes from other threads racing the polls")
@Tag("stress") // 200,000 cross-thread handoffs: seconds on a busy machine, so only the check runs them
class WakeRaceTest {

    private static final int POLLS = 100_000;
    private static final int WAKES = POLLS - 1; // every poll but the last, Ready one
    /** The least share of the wakes that must land on each side of the end of a poll. */
    private static final int EACH_SIDE_AT_LEAST = WAKES / 100;

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
            assertThat(executor.scheduledByConsumers()).as("wakes queued by the poller, after its poll")
                    .isEqualTo(WAKES);
            assertThat(executor.failures()).isEmpty();
        }
    }

    @Test
    @Timeout(60)
    @DisplayName("a wake racing the end of a Pending poll is never lost and never doubled")
    void wakeRacingTheEndOfAPollIsNeverLost() {
        try (QueueExecutor executor = new QueueExecutor("race", 2);
                RemoteWaker remote = new RemoteWaker()) {
            WokenAroundPollEnd future = new WokenAroundPollEnd(executor, remote);

            Task<Integer> task = executor.spawn(future);

            awaitLastPoll(task);
            assertThat(Futures.blockOn(task)).isEqualTo(POLLS);
            assertThat(future.polls).hasValue(POLLS);
            assertThat(future.overlaps).hasValue(0);
            assertThat(executor.scheduled()).as("the first schedule and one per wake").isEqualTo(POLLS);
            assertThat(executor.failures()).isEmpty();
            int duringPoll = executor.scheduledByConsumers();
            int afterPoll = WAKES - duringPoll;
            String sides = "of %,d wakes, %,d landed during the poll and %,d after it".formatted(
                    WAKES, duringPoll, afterPoll);
            assertThat(duringPoll).as("wakes queued by the poller, as %s", sides)
                    .isGreaterThanOrEqualTo(EACH_SIDE_AT_LEAST);
            assertThat(afterPoll).as("wakes queued by the waker, as %s", sides)
                    .isGreaterThanOrEqualTo(EACH_SIDE_AT_LEAST);
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
     * Asks for the wake, then spins a while before it returns, so that the wake lands close to
     * the end of the poll: sometimes before it (the poller queues the task), sometimes after
     * (the waker does), and sometimes while the poller is leaving RUNNING. How long the remote
     * thread takes to answer depends on the machine and its load, so the spin adapts: each poll
     * looks at where the previous wake landed and spins one step less if it landed during the
     * poll, one step more if after. The spin thus hovers where the wake and the end of the poll
     * meet, whatever the machine.
     */
    private static final class WokenAroundPollEnd extends RacedFuture {
        /** Far longer than the remote thread takes to answer when it has a core. */
        private static final int MAX_SPINS = 1_000;

        private final QueueExecutor executor;
        private final RemoteWaker remote;
        // Polls never overlap and each happens after the previous (the task's state orders them).
        private int spins;
        private int scheduledByConsumersBefore;

        WokenAroundPollEnd(QueueExecutor executor, RemoteWaker remote) {
            this.executor = executor;
            this.remote = remote;
        }

        @Override
        void askForWake(Waker waker) {
            int scheduledByConsumers = executor.scheduledByConsumers();
            if (polls.get() > 1) { // a wake of ours has been answered
                boolean landedDuringPoll = scheduledByConsumers != scheduledByConsumersBefore;
                spins = landedDuringPoll ? Math.max(0, spins - 1) : Math.min(MAX_SPINS, spins + 1);
            }
            scheduledByConsumersBefore = scheduledByConsumers;
            remote.wakeSoon(waker);
            Spin.times(spins); // yields now and then, not to starve the remote thread of a core
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
