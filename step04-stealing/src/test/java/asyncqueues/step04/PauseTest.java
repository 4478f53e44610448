package asyncqueues.step04;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("StealingLoop.pause (given)")
class PauseTest {

    /** The interrupt comes first, so the sleep throws at once: no other thread is needed. */
    @Test
    @DisplayName("on an interrupted thread it says stop, and keeps the interrupt for the loop to see")
    void onAnInterruptedThreadItSaysStopAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThat(StealingLoop.pause(StealingLoop.IDLE_WAIT)).as("pause on an interrupted thread").isFalse();
            assertThat(Thread.currentThread().isInterrupted()).as("the thread's interrupt status after the pause,"
                    + " for the loop to see").isTrue();
        } finally {
            Thread.interrupted(); // cleared, so that the thread is as it was
        }
    }
}
