package asyncqueues.step02;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import asyncqueues.task.Context;
import asyncqueues.task.Futures;
import asyncqueues.task.Poll;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("AsyncSleep (given)")
@Timeout(30)
class AsyncSleepTest {

    @Test
    @DisplayName("is Pending before its duration, waking its task to be polled again")
    void pendingBeforeItsDuration() {
        AtomicInteger wakes = new AtomicInteger();
        assertThat(new AsyncSleep(Duration.ofHours(1)).poll(new Context(wakes::incrementAndGet)))
                .isEqualTo(Poll.pending());
        assertThat(wakes).hasValue(1);
    }

    @Test
    @Timeout(10)
    @DisplayName("is Ready with true once its duration has passed")
    void readyAfterItsDuration() {
        Duration duration = Duration.ofMillis(50);
        long start = System.nanoTime();

        assertThat(Futures.blockOn(new AsyncSleep(duration))).isTrue();
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
