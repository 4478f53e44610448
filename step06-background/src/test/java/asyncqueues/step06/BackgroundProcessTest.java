package asyncqueues.step06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.Context;
import asyncqueues.task.Poll;
import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.testing.TickedPolls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link BackgroundProcess}, polled by hand. */
@Timeout(30)
class BackgroundProcessTest {

    @Test
    @DisplayName("Exercise 6.1: every poll fires, wakes the task, and is Pending: the process is never ready")
    @Tag("exercise-6.1")
    void firesWakesAndIsNeverReady() {
        BackgroundProcess process = new BackgroundProcess(Duration.ZERO);
        AtomicInteger wakes = new AtomicInteger();
        Context cx = new Context(wakes::incrementAndGet);
        List<Poll<Void>> polls = new ArrayList<>();

        try (ConsoleCapture console = ConsoleCapture.start()) {
            for (int i = 0; i < 10; i++) {
                polls.add(process.poll(cx));
            }
            assertThat(console.lines()).isEqualTo(Collections.nCopies(10, "background process firing"));
        }
        assertThat(polls).containsOnly(Poll.pending()).hasSize(10);
        assertThat(wakes).as("wakes: one per poll (a poll that does not call cx.waker().wake() is the process's"
                + " last: nothing polls it again)").hasValue(10);
    }

    @Test
    @DisplayName("Exercise 6.1: a poll holds its thread for one tick")
    @Tag("exercise-6.1")
    void holdsItsThreadForATick() {
        Duration tick = Duration.ofMillis(30);
        TickedPolls.assertPollHoldsItsThread(
                new BackgroundProcess(tick), tick, Poll.pending(), "background process firing");
    }

    @Test
    @Timeout(10)
    @DisplayName("Exercise 6.1: a poll on an interrupted thread keeps the interrupt, for the consumer loop to see")
    @Tag("exercise-6.1")
    void pollKeepsAnInterrupt() {
        TickedPolls.assertPollKeepsAnInterrupt(new BackgroundProcess(), Poll.pending(), "background process firing");
    }

    @Test
    void rejectsABadTickByName() {
        assertThatThrownBy(() -> new BackgroundProcess(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("tick");
        assertThatThrownBy(() -> new BackgroundProcess(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tick");
    }
}
