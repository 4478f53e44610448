package asyncqueues.workbook.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where watch was: the exercise it opens at next time, kept in {@value #FILE} at the workbook's
 * root (git-ignored, so each clone has its own). Deleting the file makes watch start again at the
 * first unsolved exercise.
 */
final class WatchState {

    static final String FILE = ".watch-state";

    private static final String KEY = "exercise=";

    private final Path file;

    WatchState(WorkbookLayout layout) {
        this.file = layout.root().resolve(FILE);
    }

    /** The exercise watch was at, if it was at one that is still an exercise number. */
    Optional<ExerciseNumber> exercise() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(KEY))
                    .map(line -> line.substring(KEY.length()).strip())
                    .findFirst()
                    .flatMap(WatchState::parse);
        } catch (IOException e) {
            return Optional.empty(); // an unreadable state is no state: start at the first unsolved one
        }
    }

    /** Remembers {@code exercise}; the file is replaced whole, so a reader never sees half of it. */
    void remember(ExerciseNumber exercise) {
        String text = "# Where ./jbang watch opens next (delete this file to start at the first unsolved"
                + " exercise).\n" + KEY + exercise + "\n";
        try {
            Path written = Files.createTempFile(file.getParent(), FILE, ".tmp");
            Files.writeString(written, text, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Optional<ExerciseNumber> parse(String text) {
        try {
            return Optional.of(ExerciseNumber.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
