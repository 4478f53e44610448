package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several threads wake the same task at the same moment, many times over. Each round counts the
 * schedules, and the test checks the count of every round.
 */
@DisplayName("RawTask: simultaneous wakes from several threads")
@Tag("stress") // 10,000 rounds of three-thread wakes: seconds on a busy machine, so only the check runs them
class ConcurrentWakeTest {

    private static final int ROUNDS = 5_000;
    private static final int WAKING_THREADS = 3;

    @Test
    @Timeout(60)
    @DisplayName("simultaneous wakes of an idle task schedule it exactly once")
    void idleTaskIsScheduledOnce() throws Exception {
        Map<Integer, Integer> roundsBySchedules = race(true);

        assertThat(roundsBySchedules).as("rounds by number of schedules").isEqualTo(Map.of(1, ROUNDS));
    }

    @Test
    @Timeout(60)
    @DisplayName("simultaneous wakes of a scheduled task schedule nothing")
    void scheduledTaskIsNotScheduledAgain() throws Exception {
        Map<Integer, Integer> roundsBySchedules = race(false);

        assertThat(roundsBySchedules).as("rounds by number of schedules").isEqualTo(Map.of(0, ROUNDS));
    }

    /**
     * Runs the rounds: each spawns a task and polls it once to idle (then, unless {@code idle},
     * wakes it once so it is scheduled), has every waking thread wake it at once, and counts the
     * schedules that the simultaneous wakes made.
     */
    private static Map<Integer, Integer> race(boolean idle) throws Exception {
        Map<Integer, Integer> roundsBySchedules = new TreeMap<>();
        try (WakingThreads wakers = new WakingThreads(WAKING_THREADS)) {
            for (int round = 0; round < ROUNDS; round++) {
                AtomicInteger schedules = new AtomicInteger();
                AtomicReference<Waker> waker = new AtomicReference<>();
                Spawned<Void> spawned = AsyncTask.spawn(cx -> {
                    waker.set(cx.waker());
                    return Poll.pending();
                }, runnable -> schedules.incrementAndGet());
                spawned.runnable().run(); // Pending, and nobody woke it: idle
                if (!idle) {
                    waker.get().wake(); // scheduled before the race
                    schedules.set(0);
                }
                wakers.wakeTogether(waker.get());
                roundsBySchedules.merge(schedules.get(), 1, Integer::sum);
            }
        }
        return roundsBySchedules;
    }

    /**
     * The test's thread and its helpers, each calling {@code wake()} once per round. A barrier
     * starts the round, but a barrier lets its threads go one unpark at a time, microseconds
     * apart, which is long enough for one wake to finish before the next begins. So after the
     * barrier every party also announces itself and spins until all have: they leave that spin
     * within nanoseconds of each other and their wakes truly overlap.
     */
    private static final class WakingThreads implements AutoCloseable {
        private final int parties;
        private final CyclicBarrier start;
        private final CyclicBarrier end;
        private final AtomicInteger arrivals = new AtomicInteger();
        private final List<Thread> helpers = new ArrayList<>();
        private volatile Waker target;
        private int round;

        /** {@code wakers} threads in all: the caller of {@link #wakeTogether} and helpers. */
        WakingThreads(int wakers) {
            parties = wakers;
            start = new CyclicBarrier(wakers);
            end = new CyclicBarrier(wakers);
            for (int i = 1; i < wakers; i++) {
                helpers.add(Thread.ofPlatform().daemon().name("waking-" + i).start(this::serve));
            }
        }

        /** Has every thread wake {@code waker} at once; returns when all wakes have returned. */
        void wakeTogether(Waker waker) throws InterruptedException, BrokenBarrierException {
            target = waker;
            start.await();
            arriveAndWake(round++);
            end.await();
        }

        private void serve() {
            try {
                for (int myRound = 0; ; myRound++) {
                    start.await();
                    arriveAndWake(myRound);
                    end.await();
                }
            } catch (InterruptedException | BrokenBarrierException closing) {
                // close() stops the helpers
            }
        }

        /** Counts this party in, spins until the whole round is in, and wakes. */
        private void arriveAndWake(int roundNumber) {
            int everyone = (roundNumber + 1) * parties;
            arrivals.incrementAndGet();
            Spin.until(() -> arrivals.get() >= everyone);
            target.wake();
        }

        @Override
        public void close() {
            Threads.stop(helpers);
        }
    }
}
