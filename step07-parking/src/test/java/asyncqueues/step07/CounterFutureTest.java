// Carried over unchanged from step04-stealing's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.Context;
import asyncqueues.task.Poll;
import asyncqueues.task.Waker;
import asyncqueues.workbook.ConsoleCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The given {@link CounterFuture}, polled by hand. */
@Timeout(30)
class CounterFutureTest {

    @Test
    void countsToThreeWakingItselfUntilReady() {
        CounterFuture counter = new CounterFuture(FutureType.LOW, Duration.ZERO);
        AtomicInteger wakes = new AtomicInteger();
        Context cx = new Context(wakes::incrementAndGet);
        List<Poll<Integer>> polls = new ArrayList<>();

        try (ConsoleCapture console = ConsoleCapture.start()) {
            for (int i = 0; i < 3; i++) {
                polls.add(counter.poll(cx));
            }
            assertThat(console.lines()).containsExactly(
                    "polling with result: 1", "polling with result: 2", "polling with result: 3");
        }
        assertThat(polls).containsExactly(Poll.pending(), Poll.pending(), Poll.ready(3));
        assertThat(wakes).as("wakes: one per Pending").hasValue(2);
    }

    @Test
    void carriesItsLabel() {
        assertThat(new CounterFuture(FutureType.HIGH, Duration.ZERO).getOrder()).isEqualTo(FutureType.HIGH);
        assertThat(new CounterFuture(FutureType.LOW).getOrder()).isEqualTo(FutureType.LOW);
    }

    @Test
    void sleepsOneTickPerPoll() {
        Duration tick = Duration.ofMillis(20);
        CounterFuture counter = new CounterFuture(FutureType.LOW, tick);
        try (ConsoleCapture console = ConsoleCapture.start()) {
            long start = System.nanoTime();
            assertThat(counter.poll(new Context(Waker.noop()))).isEqualTo(Poll.pending());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the poll's length")
                    .isGreaterThanOrEqualTo(tick);
            assertThat(console.lines()).containsExactly("polling with result: 1");
        }
    }

    /** The interrupt comes first, so the tick's sleep throws at once: no other thread is needed. */
    @Test
    @Timeout(10)
    void pollKeepsAnInterrupt() {
        CounterFuture counter = new CounterFuture(FutureType.LOW); // the chapter's 1 s tick, cut short
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Thread.currentThread().interrupt();

            assertThat(counter.poll(new Context(Waker.noop()))).isEqualTo(Poll.pending());
            assertThat(Thread.currentThread().isInterrupted()).as("the thread's interrupt status after the poll")
                    .isTrue();
            assertThat(console.lines()).containsExactly("polling with result: 1");
        } finally {
            Thread.interrupted(); // cleared, so that the thread is as it was
        }
    }

    @Test
    void rejectsBadArgumentsByName() {
        assertThatThrownBy(() -> new CounterFuture(null, Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("order");
        assertThatThrownBy(() -> new CounterFuture(FutureType.LOW, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("tick");
        assertThatThrownBy(() -> new CounterFuture(FutureType.LOW, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tick");
    }
}
