// Carried over unchanged from step01-single-queue's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step02;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import asyncqueues.task.Waker;
import asyncqueues.workbook.ConsoleCapture;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chapter's {@code async fn}, {@link AsyncFn}, which every stage's {@code Main} inherits and spawns. */
@DisplayName("Main.asyncFn")
@Timeout(10)
class AsyncFnTest {

    @Test
    @DisplayName("runs its body on its first poll: it holds its thread for a tick, then prints 'async fn'")
    void holdsItsThreadForATickWhenPolled() {
        Duration tick = Duration.ofMillis(20);
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Future<Void> asyncFn = Main.asyncFn(tick);
            assertThat(console.lines()).as("printed before the first poll").isEmpty();

            long start = System.nanoTime();
            assertThat(asyncFn.poll(new Context(Waker.noop()))).isEqualTo(Poll.ready(null));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the poll's length")
                    .isGreaterThanOrEqualTo(tick);
            assertThat(console.lines()).containsExactly("async fn");
        }
    }

    /** The interrupt comes first, so the sleep throws at once: no other thread is needed. */
    @Test
    @DisplayName("asyncFn() polled on an interrupted thread finishes, and keeps the interrupt for its consumer")
    void keepsAnInterrupt() {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Thread.currentThread().interrupt();

            assertThat(Main.asyncFn().poll(new Context(Waker.noop()))).isEqualTo(Poll.ready(null));
            assertThat(Thread.currentThread().isInterrupted()).as("the thread's interrupt status after the poll")
                    .isTrue();
            assertThat(console.lines()).containsExactly("async fn");
        } finally {
            Thread.interrupted(); // cleared, so that the thread is as it was
        }
    }

    @Test
    @DisplayName("rejects a null tick, naming it")
    void rejectsANullTick() {
        assertThatNullPointerException().isThrownBy(() -> Main.asyncFn(null)).withMessageContaining("tick");
    }
}
