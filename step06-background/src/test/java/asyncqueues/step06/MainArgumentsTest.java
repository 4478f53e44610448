// Carried over unchanged from step01-single-queue's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step06;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one argument every stage's {@code Main} takes; workbook-support's {@code Ticks} reads it. */
@DisplayName("Main's arguments")
class MainArgumentsTest {

    @Test
    @DisplayName("Main rejects any argument but --fast, naming it")
    void rejectsAnyArgumentButFast() {
        assertThatIllegalArgumentException().isThrownBy(() -> Main.main(new String[] {"--slow"}))
                .withMessageContaining("--slow");
    }
}
