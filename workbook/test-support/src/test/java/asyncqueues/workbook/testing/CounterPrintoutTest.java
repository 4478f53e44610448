package asyncqueues.workbook.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CounterPrintoutTest {

    private static String result(int n) {
        return "polling with result: " + n;
    }

    @Test
    void twoCountersInterleavedButEachInOrderPass() {
        List<String> lines = List.of(result(1), result(1), "async fn", result(2), result(2), result(3), result(3));

        assertThatCode(() -> CounterPrintout.assertEachCounterCountsInOrder(lines)).doesNotThrowAnyException();
    }

    @Test
    void aResultBeforeTheOneItFollowsFails() {
        List<String> lines = List.of(result(1), result(2), result(1), result(3), result(3), result(2));

        assertThatThrownBy(() -> CounterPrintout.assertEachCounterCountsInOrder(lines))
                .isInstanceOf(AssertionError.class).hasMessageContaining("occurrence 2 of result 3");
    }

    @Test
    void aMissingResultFailsNamingIt() {
        List<String> lines = List.of(result(1), result(1), result(2), result(3), result(3));

        assertThatThrownBy(() -> CounterPrintout.assertEachCounterCountsInOrder(lines))
                .isInstanceOf(AssertionError.class).hasMessageContaining("'polling with result: 2' is not printed 2 times");
    }
}
