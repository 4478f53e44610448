// Carried over unchanged from step03-priority-queues's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step04;

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
    @DisplayName("carries its label, and polls as in stage 1: counts, prints, wakes while Pending, Ready with 3")
    void labelledCounter() {
        AtomicInteger wakes = new AtomicInteger();
        Context cx = new Context(wakes::incrementAndGet);
        CounterFuture counter = new CounterFuture(FutureType.LOW, Duration.ZERO);
        assertThat(counter.getOrder()).isEqualTo(FutureType.LOW);
        assertThat(new CounterFuture(FutureType.HIGH).getOrder()).isEqualTo(FutureType.HIGH);
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
    @DisplayName("a poll on an interrupted thread keeps the interrupt, for the consumer loop to see")
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
    @DisplayName("rejects a null order, a null tick or a negative tick, naming it")
    void rejectsBadArguments() {
        assertThatNullPointerException().isThrownBy(() -> new CounterFuture(null))
                .withMessageContaining("order");
        assertThatNullPointerException().isThrownBy(() -> new CounterFuture(FutureType.HIGH, null))
                .withMessageContaining("tick");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CounterFuture(FutureType.HIGH, Duration.ofMillis(-1)))
                .withMessageContaining("tick");
    }
}
