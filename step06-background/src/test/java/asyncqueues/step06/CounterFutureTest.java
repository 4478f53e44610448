// Carried over unchanged from step02-multi-worker's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import asyncqueues.task.Context;
import asyncqueues.task.Poll;
import asyncqueues.task.Waker;
import asyncqueues.workbook.ConsoleCapture;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("CounterFuture (given)")
@Timeout(30)
class CounterFutureTest {

    @Test
    @DisplayName("counts and prints on each poll, waking itself while Pending, Ready with 3")
    void countsToThree() {
        AtomicInteger wakes = new AtomicInteger();
        Context cx = new Context(wakes::incrementAndGet);
        CounterFuture counter = new CounterFuture(Duration.ZERO);
        try (ConsoleCapture console = ConsoleCapture.start()) {
            assertThat(counter.poll(cx)).isEqualTo(Poll.pending());
            assertThat(counter.poll(cx)).isEqualTo(Poll.pending());
            assertThat(counter.poll(cx)).isEqualTo(Poll.ready(3));

            assertThat(wakes).hasValue(2);
            assertThat(console.lines()).containsExactly(
                    "polling with result: 1", "polling with result: 2", "polling with result: 3");
        }
    }

    @Test
    @DisplayName("each poll holds the polling thread for one tick")
    void sleepsOneTickPerPoll() {
        Duration tick = Duration.ofMillis(20);
        CounterFuture counter = new CounterFuture(tick);
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
    @DisplayName("a poll on an interrupted thread keeps the interrupt, for the consumer loop to see")
    void pollKeepsAnInterrupt() {
        CounterFuture counter = new CounterFuture(); // the chapter's 1 s tick, cut short
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
    @DisplayName("rejects a null or negative tick, naming it")
    void rejectsBadTick() {
        assertThatNullPointerException().isThrownBy(() -> new CounterFuture(null))
                .withMessageContaining("tick");
        assertThatIllegalArgumentException().isThrownBy(() -> new CounterFuture(Duration.ofMillis(-1)))
                .withMessageContaining("tick");
    }
}
