package asyncqueues.workbook;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Thrown by the stub of an exercise that the learner has not written yet.
 *
 * <p>Every exercise hole in a stage module is a single line, {@code throw new
 * ExerciseNotDone("S.N");}, between the exercise's BEGIN and END markers. The message names the
 * exercise, the file and line of that hole (read off the stack when the stub throws), and the
 * command that shows its hint, so a red test tells the learner where to go next.
 */
public final class ExerciseNotDone extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How an exercise number is written: stage and number, no sign, no leading zero ({@code 1.3}). */
    public static final String NUMBER_FORM = "[1-9][0-9]*\\.[1-9][0-9]*";

    private static final Pattern NUMBER = Pattern.compile(NUMBER_FORM);

    /** The stage modules, in order: stage S lives in {@code STAGE_MODULES[S - 1]}. */
    private static final String[] STAGE_MODULES = {
        "step01-single-queue",
        "step02-multi-worker",
        "step03-priority-queues",
        "step04-stealing",
        "step05-builder-macros",
        "step06-background",
        "step07-parking",
    };

    private final String exercise;
    private final String location;

    /**
     * @param exercise the exercise's number, {@code "S.N"} (stage, number), e.g. {@code "1.3"}
     * @throws IllegalArgumentException if {@code exercise} is not of that form or names no stage
     */
    public ExerciseNotDone(String exercise) {
        this(exercise, stubLocation(exercise));
    }

    private ExerciseNotDone(String exercise, String location) {
        super(message(exercise, location));
        this.exercise = exercise;
        this.location = location;
    }

    /** The exercise's number, e.g. {@code "1.3"}. */
    public String exercise() {
        return exercise;
    }

    /**
     * Where the stub that threw this is, relative to the workbook's root, e.g.
     * {@code step01-single-queue/src/main/java/asyncqueues/step01/CounterFuture.java:58}; or the
     * stage module alone, if the class was compiled without its source file's name.
     */
    public String location() {
        return location;
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

    /** The file and line of the {@code throw} that is constructing this exception: the stub's. */
    private static String stubLocation(String exercise) {
        String module = moduleOf(exercise);
        Optional<StackWalker.StackFrame> stub = StackWalker.getInstance().walk(frames -> frames
                .dropWhile(frame -> frame.getClassName().equals(ExerciseNotDone.class.getName()))
                .findFirst());
        return stub.filter(frame -> frame.getFileName() != null)
                .map(frame -> module + "/src/main/java/" + packagePath(frame.getClassName()) + frame.getFileName()
                        + ":" + frame.getLineNumber())
                .orElse(module);
    }

    private static String packagePath(String className) {
        int lastDot = className.lastIndexOf('.');
        return lastDot < 0 ? "" : className.substring(0, lastDot).replace('.', '/') + "/";
    }

    private static String message(String exercise, String location) {
        return "Exercise " + exercise + " is not done yet: write it at " + location + " (hint: ./jbang hint "
                + exercise + ")";
    }
}
