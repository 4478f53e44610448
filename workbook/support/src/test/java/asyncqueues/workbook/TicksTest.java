package asyncqueues.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TicksTest {

    @Test
    void theChaptersTickUnlessFast() {
        assertThat(Ticks.from(new String[0])).isEqualTo(Duration.ofSeconds(1));
        assertThat(Ticks.from(new String[] {"--fast"})).isEqualTo(Duration.ofMillis(50));
        assertThat(Ticks.from(new String[] {"--fast", "--fast"})).isEqualTo(Ticks.FAST);
    }

    @Test
    void anyOtherArgumentIsRefusedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> Ticks.from(new String[] {"--fast", "--slow"}))
                .withMessageContaining("'--slow'").withMessageContaining("--fast");
    }

    @Test
    void anInterruptEndsASleepAndIsKept() {
        Thread.currentThread().interrupt();
        long start = System.nanoTime();

        Ticks.sleep(Duration.ofSeconds(5));

        assertThat(Thread.interrupted()).as("the interrupt status, set again").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aSleepLastsAtLeastItsDuration() {
        long start = System.nanoTime();

        Ticks.sleep(Duration.ofMillis(20));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }
}
