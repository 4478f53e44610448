package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExerciseNumberTest {

    @Test
    void readsAndWritesTheFormSN() {
        ExerciseNumber number = ExerciseNumber.parse("3.12");

        assertThat(number.stage()).isEqualTo(3);
        assertThat(number.index()).isEqualTo(12);
        assertThat(number).hasToString("3.12");
    }

    @Test
    void ordersByStageThenByIndexNumerically() {
        List<ExerciseNumber> sorted = Stream.of("2.1", "1.10", "1.9", "1.2")
                .map(ExerciseNumber::parse).sorted().toList();

        assertThat(sorted).extracting(ExerciseNumber::toString).containsExactly("1.2", "1.9", "1.10", "2.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.", ".1", "1.0", "0.1", "01.2", "1.2.3", "a.b", " 1.2", "-1.2"})
    void rejectsTextThatIsNotANumberNamingIt(String text) {
        assertThatThrownBy(() -> ExerciseNumber.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S.N")
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void rejectsANumberTooLargeToBeAnExercise() {
        assertThatThrownBy(() -> ExerciseNumber.parse("1.99999999999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.99999999999");
    }
}
