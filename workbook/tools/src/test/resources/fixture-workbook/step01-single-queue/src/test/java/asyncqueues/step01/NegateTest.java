package asyncqueues.step01;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 1.2: negate")
@Tag("exercise-1.2")
class NegateTest {

    @Test
    void negatesAPositiveNumber() {
        assertThat(Adder.negate(4)).isEqualTo(-4);
    }

    @Test
    void leavesZeroAlone() {
        assertThat(Adder.negate(0)).isZero();
    }
}
