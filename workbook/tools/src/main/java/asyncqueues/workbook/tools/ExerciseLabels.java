package asyncqueues.workbook.tools;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exercise label at the start of a test's (or a test class's) display name, by which a test
 * says which exercises it tests: {@code "Exercise 1.3: CounterFuture.poll"} for one,
 * {@code "Exercises 1.1, 1.2: the runtime runs a spawned task"} for several. A display name that
 * starts like a label ({@code Exercise} and a digit) but is not one, such as
 * {@code "Exercise 1.3 CounterFuture"} or {@code "Exercise 1.1, 1.2: ..."}, is malformed: left
 * unread, it would silently make an exercise test a test of given code.
 */
public final class ExerciseLabels {

    /** What a display name says about exercises. */
    public sealed interface Parsed {

        /** No label: the name is not about an exercise. */
        record None() implements Parsed {}

        /** A well-formed label naming these exercises, in the order written. */
        record Numbers(List<ExerciseNumber> numbers) implements Parsed {

            public Numbers {
                numbers = List.copyOf(numbers);
            }
        }

        /** The name starts like a label but is not one; {@code problem} says why. */
        record Malformed(String displayName, String problem) implements Parsed {}
    }

    private static final String NUMBER = ExerciseNumber.FORM;
    private static final Pattern ONE = Pattern.compile("Exercise (" + NUMBER + "): \\S.*", Pattern.DOTALL);
    private static final Pattern SEVERAL =
            Pattern.compile("Exercises (" + NUMBER + "(?:, " + NUMBER + ")+): \\S.*", Pattern.DOTALL);
    private static final Pattern LABEL_LIKE = Pattern.compile("\\s*Exercises?\\s*\\d.*", Pattern.DOTALL);

    private static final String FORMS = "a label reads 'Exercise S.N: what is tested' or"
            + " 'Exercises S.N, S.M: what is tested'";

    private ExerciseLabels() {}

    /** What {@code displayName} says about exercises. */
    public static Parsed parse(String displayName) {
        Matcher one = ONE.matcher(displayName);
        if (one.matches()) {
            return new Parsed.Numbers(List.of(ExerciseNumber.parse(one.group(1))));
        }
        Matcher several = SEVERAL.matcher(displayName);
        if (several.matches()) {
            return new Parsed.Numbers(Arrays.stream(several.group(1).split(", ")).map(ExerciseNumber::parse).toList());
        }
        if (LABEL_LIKE.matcher(displayName).matches()) {
            return new Parsed.Malformed(displayName, "'" + displayName + "' starts like an exercise label but is not"
                    + " one: " + FORMS);
        }
        return new Parsed.None();
    }
}
