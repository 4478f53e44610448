package asyncqueues.workbook;

/** The fixture's stand-in for the workbook's ExerciseNotDone: the tools know it by name only. */
public final class ExerciseNotDone extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String exercise;

    public ExerciseNotDone(String exercise) {
        super("Exercise " + exercise + " is not done yet");
        this.exercise = exercise;
    }

    public String exercise() {
        return exercise;
    }
}
