package asyncqueues.step02;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Its set-up calls the exercise, so against the stub the class fails before any test runs. */
@DisplayName("Exercise 2.1: Doubler")
@Tag("exercise-2.1")
class DoublerTest {

    private static int doubledOne;

    @BeforeAll
    static void doubleOne() {
        doubledOne = Doubler.twice(1);
    }

    @Test
    void doublesOne() {
        assertThat(doubledOne).isEqualTo(2);
    }

    @Test
    void doublesANegativeNumber() {
        assertThat(Doubler.twice(-3)).isEqualTo(-6);
    }
}
