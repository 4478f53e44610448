// Carried over unchanged from step01-single-queue's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step02;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Poll;
import asyncqueues.workbook.testing.TestFutures;
import asyncqueues.workbook.testing.Within;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("AsyncSleep")
@Timeout(30)
class AsyncSleepTest {

    private final AtomicInteger wakes = new AtomicInteger();
    private final Context cx = new Context(wakes::incrementAndGet);

    @Test
    @DisplayName("is Pending before its duration, and wakes its task to be polled again")
    void pendingBeforeItsDuration() {
        AsyncSleep sleep = new AsyncSleep(Duration.ofHours(1));

        assertThat(sleep.poll(cx)).isEqualTo(Poll.pending());
        assertThat(wakes).as("wakes after a Pending poll (a poll that returns Pending must call"
                + " cx.waker().wake(), or nothing polls the sleep again)").hasValue(1);
        assertThat(sleep.poll(cx)).isEqualTo(Poll.pending());
        assertThat(wakes).hasValue(2);
    }

    @Test
    @Timeout(10)
    @DisplayName("is Ready with true once its duration has passed, and not before")
    void readyAfterItsDuration() {
        Duration duration = Duration.ofMillis(50);
        long start = System.nanoTime();
        AsyncSleep sleep = new AsyncSleep(duration);
        AtomicInteger polls = new AtomicInteger();
        Future<Boolean> counted = TestFutures.counting(sleep, polls);

        Within.await(Within.MOMENT, () -> counted.poll(cx).isReady(),
                () -> "a sleep of 50 ms was still Pending after " + polls + " polls: does AsyncSleep.poll compare the"
                        + " time since startNanos, in nanoseconds, with duration?");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(duration);
        assertThat(sleep.poll(cx)).isEqualTo(Poll.ready(true));
    }

    @Test
    @DisplayName("a zero duration is Ready on the first poll, with no wake")
    void zeroIsReadyAtOnce() {
        assertThat(new AsyncSleep(Duration.ZERO).poll(cx)).isEqualTo(Poll.ready(true));
        assertThat(wakes).hasValue(0);
    }

    @Test
    @Timeout(10)
    @DisplayName("Futures.blockOn returns true after the duration")
    void blockOnWaitsForIt() throws Exception {
        Duration duration = Duration.ofMillis(50);
        long start = System.nanoTime();
        AtomicInteger polls = new AtomicInteger();
        Future<Boolean> sleep = TestFutures.counting(new AsyncSleep(duration), polls);

        assertThat(Within.call(Within.MOMENT, () -> Futures.blockOn(sleep), () -> polls.get() == 1
                ? "Futures.blockOn polled the sleep once: it returned Pending without waking its task, so nothing"
                        + " polled it again. AsyncSleep.poll must call cx.waker().wake() before it returns Pending"
                : "a sleep of 50 ms was still Pending after " + polls + " polls: does AsyncSleep.poll compare the"
                        + " time since startNanos, in nanoseconds, with duration?"))
                .isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(duration);
    }

    @Test
    @DisplayName("rejects a null or negative duration, naming it")
    void rejectsBadDuration() {
        assertThatNullPointerException().isThrownBy(() -> new AsyncSleep(null))
                .withMessageContaining("duration");
        assertThatIllegalArgumentException().isThrownBy(() -> new AsyncSleep(Duration.ofMillis(-1)))
                .withMessageContaining("duration");
    }
}
