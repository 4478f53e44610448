package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExerciseLabelsTest {

    @Test
    void aLabelNamesOneExercise() {
        assertThat(ExerciseLabels.parse("Exercise 1.3: CounterFuture.poll"))
                .isEqualTo(new ExerciseLabels.Parsed.Numbers(List.of(ExerciseNumber.parse("1.3"))));
    }

    @Test
    void aPluralLabelNamesSeveralExercisesInOrder() {
        assertThat(ExerciseLabels.parse("Exercises 1.2, 1.10, 2.1: the runtime runs a spawned task"))
                .isEqualTo(new ExerciseLabels.Parsed.Numbers(
                        List.of(ExerciseNumber.parse("1.2"), ExerciseNumber.parse("1.10"), ExerciseNumber.parse("2.1"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"counts to three", "CounterFutureTest", "adds()", "exercises the queue under load",
        "Exercise: no number", "[1] Exercise 1.3: not at the start"})
    void aNameThatDoesNotStartLikeALabelHasNone(String displayName) {
        assertThat(ExerciseLabels.parse(displayName)).isEqualTo(new ExerciseLabels.Parsed.None());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Exercise 1.3 CounterFuture.poll", "Exercise 1.3:", "Exercise 1.3:no space",
        "Exercise 1.1, 1.2: one word, two numbers", "Exercises 1.3: plural, one number", "Exercise 1: no index",
        "Exercises 1.1,1.2: no space after the comma", "Exercise 01.3: a leading zero", "Exercise1.3: no space"})
    void aNameThatStartsLikeALabelButIsNotOneIsMalformed(String displayName) {
        ExerciseLabels.Parsed parsed = ExerciseLabels.parse(displayName);

        assertThat(parsed).isInstanceOfSatisfying(ExerciseLabels.Parsed.Malformed.class, malformed ->
                assertThat(malformed.problem()).contains(displayName).contains("'Exercise S.N: what is tested'"));
    }
}
