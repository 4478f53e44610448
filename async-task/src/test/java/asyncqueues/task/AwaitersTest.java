package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several awaiters of one task: each one's waker is kept (a second awaiter joins the first
 * instead of displacing it), each is woken once when the task finishes, and an awaiter that
 * registers while the task completes on another thread is never forgotten.
 */
@DisplayName("Task: several awaiters")
@Timeout(20)
class AwaitersTest {

    private final ManualQueue queue = new ManualQueue();

    /** Pending until opened; keeps the waker of its last poll. */
    private static final class Gate implements Future<String> {
        final AtomicReference<Waker> waker = new AtomicReference<>();
        volatile boolean open;

        @Override
        public Poll<String> poll(Context cx) {
            waker.set(cx.waker());
            return open ? Poll.ready("done") : Poll.pending();
        }

        /** Opens the gate and wakes the task, which the queue then runs to completion. */
        void openAndWake() {
            open = true;
            waker.get().wake();
        }
    }

    /** A task polled once and left pending, with the gate that completes it. */
    private record Pending(Task<String> task, Gate gate) {}

    private Pending spawnPending() {
        Gate gate = new Gate();
        Task<String> task = queue.spawn(gate);
        queue.runNext();
        return new Pending(task, gate);
    }

    @Test
    @DisplayName("every awaiter is woken once when the task completes, however often it polled")
    void everyAwaiterIsWokenOnce() {
        Pending pending = spawnPending();
        CountingWaker first = new CountingWaker();
        CountingWaker second = new CountingWaker();

        assertThat(first.poll(pending.task()).isPending()).isTrue();
        assertThat(second.poll(pending.task()).isPending()).isTrue();
        assertThat(first.poll(pending.task()).isPending()).as("the first awaiter, polling again").isTrue();
        assertThat(first.wakes() + second.wakes()).as("wakes before the task completed").isZero();

        pending.gate().openAndWake();
        queue.runNext();

        assertThat(first.wakes()).as("wakes of the first awaiter").isOne();
        assertThat(second.wakes()).as("wakes of the second awaiter").isOne();
        assertThat(first.poll(pending.task())).isEqualTo(Poll.ready("done"));
        assertThat(second.poll(pending.task())).isEqualTo(Poll.ready("done"));
    }

    @Test
    @DisplayName("a cancel wakes every awaiter, and each sees the cancellation")
    void aCancelWakesEveryAwaiter() {
        Pending pending = spawnPending();
        List<CountingWaker> awaiters = List.of(new CountingWaker(), new CountingWaker(), new CountingWaker());
        awaiters.forEach(awaiter -> assertThat(awaiter.poll(pending.task()).isPending()).isTrue());

        assertThat(pending.task().cancel()).isTrue();

        for (CountingWaker awaiter : awaiters) {
            assertThat(awaiter.wakes()).isOne();
            assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> awaiter.poll(pending.task()));
        }
    }

    @Test
    @DisplayName("three threads blocked on one task all return its value")
    void threadsBlockedOnOneTaskAllReturn() throws Exception {
        Pending pending = spawnPending();
        int threads = 3;
        CountDownLatch registered = new CountDownLatch(threads);
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(blockOnInThread(pending.task(), () -> {}, registered::countDown));
        }
        assertThat(registered.await(5, TimeUnit.SECONDS)).as("every thread registered").isTrue();

        pending.gate().openAndWake();
        queue.runNext();

        for (CompletableFuture<String> result : results) {
            assertThat(result).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("done");
        }
    }

    @Test
    @Tag("stress") // 2,000 threads started: a second or two on a busy machine, so only the check runs it
    @DisplayName("awaiters that register while another thread completes the task are all woken")
    void awaitersRacingTheCompletionAreNeverLost() {
        int rounds = 1_000;
        int awaitersPerRound = 2;
        AtomicInteger registeredFirst = new AtomicInteger();
        for (int round = 0; round < rounds; round++) {
            Pending pending = spawnPending();
            Arrivals arrivals = new Arrivals(awaitersPerRound + 1);
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (int i = 0; i < awaitersPerRound; i++) {
                results.add(blockOnInThread(pending.task(), arrivals::arriveAndSpin, registeredFirst::incrementAndGet));
            }

            arrivals.arriveAndSpin();
            pending.gate().openAndWake();
            queue.runNext(); // completes the task, and wakes whoever registered by then

            for (CompletableFuture<String> result : results) {
                // A lost awaiter blocks for good (its daemon thread is left behind).
                assertThat(result).as("an awaiter of round %d", round)
                        .succeedsWithin(Duration.ofSeconds(5)).isEqualTo("done");
            }
        }
        // An await that finds the task finished at its first poll never registers: the race
        // was run only if some awaits registered first and were woken.
        assertThat(registeredFirst).as("awaits, of %,d, that registered before the task completed",
                rounds * awaitersPerRound).hasPositiveValue();
    }

    /**
     * Blocks on {@code task} in a thread of its own, after running {@code beforeBlocking} there;
     * runs {@code registered} if its first poll of the task found it pending, so that its waker
     * is registered by then.
     */
    private static CompletableFuture<String> blockOnInThread(Task<String> task, Runnable beforeBlocking,
            Runnable registered) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("awaiter").start(() -> {
            try {
                beforeBlocking.run();
                AtomicBoolean firstPoll = new AtomicBoolean(true);
                result.complete(Futures.blockOn(cx -> {
                    Poll<String> poll = task.poll(cx);
                    if (firstPoll.getAndSet(false) && poll.isPending()) {
                        registered.run();
                    }
                    return poll;
                }));
            } catch (Throwable thrown) {
                result.completeExceptionally(thrown);
            }
        });
        return result;
    }

    /**
     * Lets the parties of a race go within nanoseconds of each other: each counts itself in and
     * spins until all have (a barrier would release them one unpark at a time, microseconds
     * apart).
     */
    private static final class Arrivals {
        private final int parties;
        private final AtomicInteger arrived = new AtomicInteger();

        Arrivals(int parties) {
            this.parties = parties;
        }

        void arriveAndSpin() {
            arrived.incrementAndGet();
            Spin.until(() -> arrived.get() >= parties);
        }
    }
}
