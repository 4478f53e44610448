package asyncqueues.workbook;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Thrown by the stub of an exercise that the learner has not written yet.
 *
 * <p>Every exercise hole in a stage module is a single line, {@code throw new
 * ExerciseNotDone("S.N");}, between the exercise's BEGIN and END markers. The message names the
 * exercise, the stage module it belongs to, and the command that shows its hint, so a red test
 * tells the learner where to go next.
 */
public final class ExerciseNotDone extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]*\\.[1-9][0-9]*");

    /** The stage modules, in order: stage S lives in {@code STAGE_MODULES[S - 1]}. */
    private static final String[] STAGE_MODULES = {
        "step01-single-queue",
        "step02-multi-worker",
        "step03-priority-queues",
        "step04-stealing",
        "step05-builder-macros",
        "step06-background",
    };

    private final String exercise;

    /**
     * @param exercise the exercise's number, {@code "S.N"} (stage, number), e.g. {@code "1.3"}
     * @throws IllegalArgumentException if {@code exercise} is not of that form or names no stage
     */
    public ExerciseNotDone(String exercise) {
        super(message(exercise));
        this.exercise = exercise;
    }

    /** The exercise's number, e.g. {@code "1.3"}. */
    public String exercise() {
        return exercise;
    }

    /** The stage module that holds the exercise, e.g. {@code "step01-single-queue"}. */
    public static String moduleOf(String exercise) {
        Objects.requireNonNull(exercise, "exercise must not be null");
        if (!NUMBER.matcher(exercise).matches()) {
            throw new IllegalArgumentException(
                    "an exercise number has the form S.N (stage.number), e.g. 1.3; got '" + exercise + "'");
        }
        int stage = Integer.parseInt(exercise.substring(0, exercise.indexOf('.')));
        if (stage > STAGE_MODULES.length) {
            throw new IllegalArgumentException("exercise " + exercise + " names stage " + stage
                    + ", but the workbook has stages 1 to " + STAGE_MODULES.length);
        }
        return STAGE_MODULES[stage - 1];
    }

    /** Where the exercise's hint is written, relative to the workbook's root. */
    public static String hintPath(String exercise) {
        return moduleOf(exercise) + "/hints/" + exercise + ".md";
    }

    private static String message(String exercise) {
        return "Exercise " + exercise + " is not done yet: write it in " + moduleOf(exercise)
                + ", between the EXERCISE " + exercise + " BEGIN and END markers in the file named"
                + " at the top of the stack trace. Hint: ./jbang hint " + exercise
                + " (or read " + hintPath(exercise) + ")";
    }
}
