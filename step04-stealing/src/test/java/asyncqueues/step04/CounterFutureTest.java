// Carried over unchanged from step03-priority-queues's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Poll;
import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.testing.TestFutures;
import asyncqueues.workbook.testing.TickedPolls;
import asyncqueues.workbook.testing.Within;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("CounterFuture (given): stage 1's, labelled")
@Timeout(30)
class CounterFutureTest {

    // Carried over from step01-single-queue's CounterFutureTest.java by ./jbang stubs --write: wakes, cx. Edit it there.
    private final AtomicInteger wakes = new AtomicInteger();

    private final Context cx = new Context(wakes::incrementAndGet);
    // End of the carried-over code.

    @Test
    @DisplayName("carries its label")
    void carriesItsLabel() {
        assertThat(new CounterFuture(FutureType.LOW).getOrder()).isEqualTo(FutureType.LOW);
        assertThat(new CounterFuture(FutureType.HIGH, Duration.ZERO).getOrder()).isEqualTo(FutureType.HIGH);
    }

    // Carried over from step01-single-queue's CounterFutureTest.java by ./jbang stubs --write: countsToThree, sleepsOneTickPerPoll, pollKeepsAnInterrupt, blockOnRunsItToThree. Edit it there.
    @Test
    @DisplayName("counts and prints on each poll, waking itself while Pending, Ready with 3")
    void countsToThree() {
        CounterFuture counter = counter(Duration.ZERO);
        try (ConsoleCapture console = ConsoleCapture.start()) {
            assertThat(counter.poll(cx)).isEqualTo(Poll.pending());
            assertThat(wakes).as("wakes after the first poll (a poll that returns Pending must call"
                    + " cx.waker().wake(), or nothing polls the future again)").hasValue(1);
            assertThat(counter.poll(cx)).isEqualTo(Poll.pending());
            assertThat(wakes).as("wakes after the second poll").hasValue(2);
            assertThat(counter.poll(cx)).isEqualTo(Poll.ready(3));
            assertThat(wakes).as("a ready future does not wake its task").hasValue(2);

            assertThat(console.lines()).containsExactly(
                    "polling with result: 1", "polling with result: 2", "polling with result: 3");
        }
    }

    @Test
    @DisplayName("each poll holds the polling thread for one tick")
    void sleepsOneTickPerPoll() {
        Duration tick = Duration.ofMillis(30);
        TickedPolls.assertPollHoldsItsThread(counter(tick), tick, Poll.pending(), "polling with result: 1");
    }

    @Test
    @Timeout(10)
    @DisplayName("a poll on an interrupted thread keeps the interrupt, for the consumer loop to see")
    void pollKeepsAnInterrupt() {
        TickedPolls.assertPollKeepsAnInterrupt(counter(), Poll.pending(), "polling with result: 1");
    }

    @Test
    @Timeout(10)
    @DisplayName("Futures.blockOn runs it to 3")
    void blockOnRunsItToThree() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            AtomicInteger polls = new AtomicInteger();
            Future<Integer> counter = TestFutures.counting(counter(Duration.ZERO), polls);

            assertThat(Within.call(Within.MOMENT, () -> Futures.blockOn(counter),
                    () -> "Futures.blockOn polled the counter " + polls + " time(s), and it is Pending with nothing"
                            + " to wake it: does CounterFuture.poll call cx.waker().wake() before it returns"
                            + " Poll.pending()?"))
                    .isEqualTo(3);
            assertThat(console.count("polling with result: 3")).isEqualTo(1);
        }
    }
    // End of the carried-over code.

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

    /** This stage's counter, labelled LOW, sleeping the chapter's one-second tick per poll. */
    private static CounterFuture counter() {
        return new CounterFuture(FutureType.LOW);
    }

    /** This stage's counter, labelled LOW, sleeping {@code tick} per poll. */
    private static CounterFuture counter(Duration tick) {
        return new CounterFuture(FutureType.LOW, tick);
    }
}
