package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void readyFutureBlocksOnAtOnce() {
        assertThat(Futures.blockOn(Futures.ready(42))).isEqualTo(42);
    }
}
