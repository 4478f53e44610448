package asyncqueues.step01;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class AdderTest {

    @Test
    void theCounterStartsAtOneInEveryRun() {
        assertThat(Counter.next()).isEqualTo(1);
    }

    @Test
    @DisplayName("Exercise 1.1: add adds")
    @Tag("exercise-1.1")
    void adds() {
        assertThat(Adder.add(2, 3)).isEqualTo(5);
    }

    @Test
    @DisplayName("Exercises 1.1, 1.2: a number plus its negation is zero")
    @Tag("exercise-1.1")
    @Tag("exercise-1.2")
    void addsANegation() {
        assertThat(Adder.add(Adder.negate(7), 7)).isZero();
    }
}
