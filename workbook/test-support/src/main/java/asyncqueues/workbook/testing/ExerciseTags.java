package asyncqueues.workbook.testing;

import asyncqueues.workbook.ExerciseNotDone;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JUnit tag by which a test says which exercise it tests: {@code @Tag("exercise-1.3")}, one
 * tag per exercise, on the test or on its class. So {@code mvn test -pl step01-single-queue
 * -Dgroups=exercise-1.3} runs exactly the tests of exercise 1.3, and the workbook's tools find an
 * exercise's tests by the same tag. A test with no such tag tests the given code.
 */
public final class ExerciseTags {

    /** What every exercise tag starts with. */
    public static final String PREFIX = "exercise-";

    private static final Pattern TAG = Pattern.compile(Pattern.quote(PREFIX) + "(" + ExerciseNotDone.NUMBER_FORM + ")");

    private ExerciseTags() {}

    /** The tag of exercise {@code exercise}, e.g. {@code exercise-1.3} for {@code 1.3}. */
    public static String of(String exercise) {
        ExerciseNotDone.moduleOf(exercise); // checks its form
        return PREFIX + exercise;
    }

    /** The exercise a tag names, if it is an exercise tag. */
    public static Optional<String> exerciseOf(String tag) {
        Matcher matcher = TAG.matcher(tag);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The exercises that {@code tags} name, in number order; the other tags are left out. */
    public static Set<String> exercisesOf(Collection<String> tags) {
        Set<String> exercises = new TreeSet<>(ExerciseOrder.NUMBERS);
        tags.forEach(tag -> exerciseOf(tag).ifPresent(exercises::add));
        return exercises;
    }
}
