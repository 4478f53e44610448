package asyncqueues.workbook.tools;

import java.io.Serializable;
import java.util.Objects;

/**
 * One exercise of the catalog, as its solution marks it.
 *
 * @param number its number, {@code S.N}
 * @param title  the title its BEGIN marker gives it
 * @param stage  the stage it belongs to
 * @param file   the file that holds it, relative to {@code src/main/java} and written with
 *               {@code /}: the same in the stage module and in {@code solutions/}
 * @param line   the line of its BEGIN marker in the solution file, counting from 1
 */
public record Exercise(ExerciseNumber number, String title, Stage stage, String file, int line)
        implements Serializable {

    public Exercise {
        Objects.requireNonNull(number, "number must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(stage, "stage must not be null");
        Objects.requireNonNull(file, "file must not be null");
    }

    /** The file the learner edits, relative to the workbook's root. */
    public String learnerFile() {
        return stage.module() + "/" + WorkbookLayout.MAIN_SOURCES + "/" + file;
    }

    /** The file that holds the exercise's hint, relative to the workbook's root. */
    public String hintFile() {
        return stage.module() + "/hints/" + number + ".md";
    }
}
