package asyncqueues.workbook.tools;

import asyncqueues.workbook.ExerciseNotDone;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exercise's number, {@code S.N}: the stage it belongs to and its place within that stage.
 * Numbers order by stage, then by place, so {@code 1.10} comes after {@code 1.9}.
 */
public record ExerciseNumber(int stage, int index) implements Comparable<ExerciseNumber>, Serializable {

    /** The form of a number in a marker, a label or a command: no sign, no leading zero. */
    static final String FORM = ExerciseNotDone.NUMBER_FORM;

    private static final Pattern PARTS = Pattern.compile("([1-9][0-9]*)\\.([1-9][0-9]*)"); // FORM, in parts

    private static final Comparator<ExerciseNumber> ORDER =
            Comparator.comparingInt(ExerciseNumber::stage).thenComparingInt(ExerciseNumber::index);

    public ExerciseNumber {
        if (stage < 1 || index < 1) {
            throw new IllegalArgumentException(
                    "an exercise's stage and index start at 1; got " + stage + "." + index);
        }
    }

    /**
     * Reads a number written {@code S.N}, e.g. {@code "1.3"}.
     *
     * @throws IllegalArgumentException naming the text if it is not of that form
     */
    public static ExerciseNumber parse(String text) {
        Objects.requireNonNull(text, "text must not be null");
        Matcher parts = PARTS.matcher(text);
        if (!parts.matches()) {
            throw new IllegalArgumentException(
                    "an exercise number has the form S.N (stage.number), e.g. 1.3; got '" + text + "'");
        }
        try {
            return new ExerciseNumber(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)));
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException("no exercise has a number as large as '" + text + "'");
        }
    }

    @Override
    public int compareTo(ExerciseNumber other) {
        return ORDER.compare(this, other);
    }

    /** The number as it is written: {@code S.N}. */
    @Override
    public String toString() {
        return stage + "." + index;
    }
}
