package asyncqueues.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class StartedQueuesTest {

    private final StartedQueues<String> queues = new StartedQueues<>();

    @Test
    void aStartedQueueKeepsItsNumberAndRefusesAnother() {
        StartedQueues.Start<String> start = queues.start("HIGH", 2, () -> "high channel");

        assertThat(start.channelOrThrow()).isEqualTo("high channel");
        assertThat(queues.hasStarted("HIGH")).isTrue();
        assertThat(queues.hasStarted("LOW")).isFalse();
        queues.requireStartableWith("HIGH", 2);
        queues.requireStartableWith("LOW", 7);
        assertThatIllegalStateException().isThrownBy(() -> queues.requireStartableWith("HIGH", 3))
                .withMessageContaining("the HIGH queue has already started with 2 consumer thread(s),")
                .withMessageContaining("so it cannot have 3");
    }

    @Test
    void theNumberIsRecordedBeforeTheThreadsStart() {
        queues.start("LOW", 4, () -> {
            assertThat(queues.hasStarted("LOW")).isTrue();
            return "low channel";
        });
    }

    @Test
    void aQueueWhoseThreadsWereRefusedHasNotStartedAndSaysWhyEachTime() {
        IllegalStateException refused = new IllegalStateException("the machine refused thread 2 of 4");

        StartedQueues.Start<String> start = queues.start("LOW", 4, () -> {
            throw refused;
        });

        assertThat(queues.hasStarted("LOW")).isFalse();
        queues.requireStartableWith("LOW", 1);
        for (int spawn = 0; spawn < 2; spawn++) {
            assertThatIllegalStateException().isThrownBy(start::channelOrThrow)
                    .withMessage("the machine refused thread 2 of 4").withCause(refused);
        }
    }
}
