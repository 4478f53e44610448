package asyncqueues.workbook.testing;

import asyncqueues.workbook.ExerciseNotDone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The marker comments around an exercise's code, and where they are in a source tree.
 *
 * <p>An exercise's region runs from a line {@code // EXERCISE S.N BEGIN: title} to the line
 * {@code // EXERCISE S.N END}, each marker alone on its line; the lines between them are the
 * exercise's code, or its one-line stub. The workbook's tools check the markers strictly; here
 * they are only found, in a learner's file that may be half edited.
 */
public final class ExerciseMarkers {

    /** A BEGIN marker: its indentation, exercise number and title are groups 1, 2 and 3. */
    public static final Pattern BEGIN =
            Pattern.compile("([ \\t]*)// EXERCISE (" + ExerciseNotDone.NUMBER_FORM + ") BEGIN: (.*\\S)[ \\t]*");

    /** An END marker: its indentation and exercise number are groups 1 and 2. */
    public static final Pattern END =
            Pattern.compile("([ \\t]*)// EXERCISE (" + ExerciseNotDone.NUMBER_FORM + ") END[ \\t]*");

    /**
     * Where an exercise is written.
     *
     * @param file the file, relative to the source tree's root, with {@code /} separators
     * @param line the line of its BEGIN marker, counting from 1; its code starts on the next
     */
    public record Marker(String exercise, String title, String file, int line) {}

    private ExerciseMarkers() {}

    /** The BEGIN markers of every {@code .java} file under {@code sourceRoot}, by file and line. */
    public static List<Marker> scan(Path sourceRoot) {
        List<Marker> markers = new ArrayList<>();
        if (!Files.isDirectory(sourceRoot)) {
            return markers;
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String name = sourceRoot.relativize(file).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher begin = BEGIN.matcher(lines.get(i));
                    if (begin.matches()) {
                        markers.add(new Marker(begin.group(2), begin.group(3), name, i + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources under " + sourceRoot, e);
        }
        return markers;
    }
}
