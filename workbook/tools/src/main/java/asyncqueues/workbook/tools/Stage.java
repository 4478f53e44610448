package asyncqueues.workbook.tools;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stage of the workbook: the Maven module {@code stepNN-name} at the workbook's root, and its
 * number {@code NN}, which is the first part of the number of each of its exercises.
 */
public record Stage(int number, String module) implements Serializable {

    private static final Pattern MODULE_NAME = Pattern.compile("step([0-9]{2})-.+");

    public Stage {
        Objects.requireNonNull(module, "module must not be null");
        if (number < 1) {
            throw new IllegalArgumentException("a stage's number starts at 1; got " + number + " for " + module);
        }
    }

    /** The stage whose module directory has this name, if the name is a stage module's. */
    static Optional<Stage> ofModule(String directoryName) {
        Matcher name = MODULE_NAME.matcher(directoryName);
        if (!name.matches() || Integer.parseInt(name.group(1)) == 0) {
            return Optional.empty();
        }
        return Optional.of(new Stage(Integer.parseInt(name.group(1)), directoryName));
    }

    @Override
    public String toString() {
        return module;
    }
}
