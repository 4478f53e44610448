package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.util.concurrent.CompletableFuture.supplyAsync;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Futures.blockOn}: polls, parks until the waker is woken, and polls again; never a busy
 * loop, never a lost wake.
 */
@DisplayName("Futures.blockOn")
@Timeout(10)
class BlockOnTest {

    /**
     * Pending until {@link #release} is called from another thread, which then wakes the waker
     * of the last poll. Counts its polls: a blocking loop that polled without being woken would
     * poll it more than twice.
     */
    private static final class Released implements Future<String> {
        final AtomicInteger polls = new AtomicInteger();
        private final AtomicReference<Waker> waker = new AtomicReference<>();
        private final AtomicBoolean released = new AtomicBoolean();

        @Override
        public Poll<String> poll(Context cx) {
            polls.incrementAndGet();
            waker.set(cx.waker());
            return released.get() ? Poll.ready("released") : Poll.pending();
        }

        void release() {
            released.set(true);
            waker.get().wake();
        }
    }

    /**
     * A thread that runs blockOn on a {@link Released} future of its own, keeping what it
     * returned; {@link #parked()} starts one and waits until it has parked after the first poll.
     */
    private static final class Blocked {
        final Released future = new Released();
        final AtomicReference<String> value = new AtomicReference<>();
        final AtomicBoolean interruptedAfter = new AtomicBoolean();
        final Thread thread;

        private Blocked() {
            thread = Thread.ofPlatform().daemon().name("blocked-on").start(() -> {
                value.set(Futures.blockOn(future));
                interruptedAfter.set(Thread.currentThread().isInterrupted());
            });
        }

        static Blocked parked() {
            Blocked blocked = new Blocked();
            blocked.awaitParked();
            return blocked;
        }

        /** Releases the future, waits until blockOn has returned, and returns what it returned. */
        String releaseAndJoin() throws InterruptedException {
            future.release();
            thread.join();
            return value.get();
        }

        /** Waits until the thread is parked in blockOn, after its first poll. */
        void awaitParked() {
            await("the blocked thread parked")
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> thread.getState() == Thread.State.WAITING);
        }

        /**
         * Interrupts the thread and waits until blockOn has taken the interrupt in (which clears
         * the thread's interrupt status until blockOn returns) and parked again.
         */
        void interruptAndAwaitParkedAgain() {
            thread.interrupt();
            await("the blocked thread took the interrupt in and parked again")
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> !thread.isInterrupted() && thread.getState() == Thread.State.WAITING);
        }
    }

    @Test
    @DisplayName("a ready future: the value at once, after a single poll")
    void readyFutureReturnsAtOnce() {
        AtomicInteger polls = new AtomicInteger();

        String value = Futures.blockOn(cx -> {
            polls.incrementAndGet();
            return Poll.ready("now");
        });

        assertThat(value).isEqualTo("now");
        assertThat(polls).hasValue(1);
    }

    @Test
    @DisplayName("a future that wakes itself before returning Pending is polled again, not parked on forever")
    void wakeBeforeTheParkIsNotLost() {
        CounterFuture counter = new CounterFuture(3);

        assertThat(Futures.blockOn(counter)).isEqualTo(3);
        assertThat(counter.polls()).isEqualTo(3);
    }

    @Test
    @DisplayName("parks until a wake from another thread, then polls once more")
    void parksUntilWokenFromAnotherThread() throws Exception {
        Blocked blocked = Blocked.parked();

        assertThat(blocked.releaseAndJoin()).isEqualTo("released");
        assertThat(blocked.future.polls).as("the first poll and the one after the wake").hasValue(2);
    }

    @Test
    @DisplayName("spurious unparks do not make it poll or return")
    void survivesSpuriousUnparks() throws Exception {
        Blocked blocked = Blocked.parked();

        for (int i = 0; i < 1_000; i++) {
            LockSupport.unpark(blocked.thread);
            Thread.yield();
        }
        blocked.awaitParked();
        assertThat(blocked.future.polls).as("polls before the wake").hasValue(1);

        assertThat(blocked.releaseAndJoin()).isEqualTo("released");
        assertThat(blocked.future.polls).hasValue(2);
    }

    @Test
    @DisplayName("an interrupt does not end the wait, and the interrupt status is kept")
    void keepsTheInterruptStatus() throws Exception {
        Blocked blocked = Blocked.parked();

        blocked.interruptAndAwaitParkedAgain();
        assertThat(blocked.future.polls).as("polls before the wake: the interrupt made none").hasValue(1);
        assertThat(blocked.releaseAndJoin()).isEqualTo("released");
        assertThat(blocked.future.polls).as("the first poll and the one after the wake").hasValue(2);
        assertThat(blocked.interruptedAfter).as("interrupted after blockOn returned").isTrue();
    }

    @Test
    @DisplayName("an interrupt status set before the call is kept, and does not stop the wait")
    void keepsAnEarlierInterruptStatus() {
        CounterFuture counter = new CounterFuture(3);
        Thread.currentThread().interrupt();
        try {
            assertThat(Futures.blockOn(counter)).isEqualTo(3);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted(); // leave the JUnit thread as it was
        }
    }

    @Test
    @DisplayName("a thread that was not interrupted is not interrupted after it waited")
    void leavesAnUninterruptedThreadUninterrupted() throws Exception {
        Blocked blocked = Blocked.parked();

        assertThat(blocked.releaseAndJoin()).isEqualTo("released");
        assertThat(blocked.interruptedAfter).as("interrupted after blockOn returned").isFalse();
        assertThat(Futures.blockOn(Futures.ready("at once"))).isEqualTo("at once");
        assertThat(Thread.currentThread().isInterrupted()).as("interrupted after a ready future").isFalse();
    }

    @Test
    @DisplayName("a checked exception thrown by a future arrives wrapped, as from a task; an unchecked one as it is")
    void throwsWhatTheFutureThrows() {
        Exception checked = new IOException("a checked exception, thrown past the compiler");
        IllegalStateException unchecked = new IllegalStateException("unchecked");

        assertThatThrownBy(() -> Futures.blockOn(cx -> sneakyThrow(checked)))
                .isInstanceOf(CompletionException.class).hasCause(checked);
        assertThatThrownBy(() -> Futures.blockOn(cx -> {
            throw unchecked;
        })).isSameAs(unchecked);
        try (QueueExecutor executor = new QueueExecutor("consumer", 1)) {
            Task<String> task = executor.spawn(cx -> sneakyThrow(checked));
            assertThatThrownBy(() -> Futures.blockOn(task)).isInstanceOf(CompletionException.class)
                    .rootCause().isSameAs(checked);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T, E extends Throwable> T sneakyThrow(Throwable thrown) throws E {
        throw (E) thrown;
    }

    @Test
    @DisplayName("blocks on a task from any thread: a pool thread, a virtual thread")
    void blocksOnATaskFromAnyThread() throws Exception {
        try (QueueExecutor executor = new QueueExecutor("consumer", 1);
                ExecutorService pool = Executors.newFixedThreadPool(1);
                ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            Task<Integer> fromPool = executor.spawn(new CounterFuture(3));
            Task<Integer> fromVirtual = executor.spawn(new CounterFuture(4));

            CompletableFuture<Integer> pooled = supplyAsync(() -> Futures.blockOn(fromPool), pool);
            CompletableFuture<Integer> onVirtual = supplyAsync(() -> Futures.blockOn(fromVirtual), virtual);

            assertThat(pooled.join()).isEqualTo(3);
            assertThat(onVirtual.join()).isEqualTo(4);
            assertThat(executor.failures()).isEmpty();
        }
    }
}
