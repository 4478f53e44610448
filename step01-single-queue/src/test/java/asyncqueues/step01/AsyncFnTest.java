package asyncqueues.step01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.testing.TickedPolls;
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
        Future<Void> asyncFn;
        try (ConsoleCapture console = ConsoleCapture.start()) {
            asyncFn = Main.asyncFn(tick);
            assertThat(console.lines()).as("printed before the first poll: nothing runs until then").isEmpty();
        }
        TickedPolls.assertPollHoldsItsThread(asyncFn, tick, Poll.ready(null), "async fn");
    }

    @Test
    @DisplayName("asyncFn() polled on an interrupted thread finishes, and keeps the interrupt for its consumer")
    void keepsAnInterrupt() {
        TickedPolls.assertPollKeepsAnInterrupt(Main.asyncFn(), Poll.ready(null), "async fn");
    }

    @Test
    @DisplayName("rejects a null tick, naming it")
    void rejectsANullTick() {
        assertThatNullPointerException().isThrownBy(() -> Main.asyncFn(null)).withMessageContaining("tick");
    }
}
