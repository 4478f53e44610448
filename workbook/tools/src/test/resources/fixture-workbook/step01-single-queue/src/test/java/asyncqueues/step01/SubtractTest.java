package asyncqueues.step01;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SubtractTest {

    @Test
    @DisplayName("Exercise 1.3: subtract takes the second number from the first")
    @Tag("exercise-1.3")
    void subtracts() {
        assertThat(Adder.subtract(5, 3)).isEqualTo(2);
    }
}
