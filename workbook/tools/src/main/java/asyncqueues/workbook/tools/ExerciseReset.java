package asyncqueues.workbook.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Puts an exercise's stub back in the learner's file: the body of that one region becomes again
 * what {@link Stubs} makes from the solution, and every other line of the file, other regions
 * included, stays byte for byte as the learner left it.
 *
 * <p>Work is never lost silently: a region that holds anything but the stub is reset only when
 * forced, and the code it held is printed either way.
 */
public final class ExerciseReset {

    /** What a reset did, or would have done. */
    public sealed interface Outcome {

        /** The region already held the stub; the file was not touched. */
        record AlreadyStub(Path file) implements Outcome {}

        /** The region held the learner's code, {@code replaced} (numbered lines), and was reset. */
        record Reset(Path file, int firstLine, String replaced) implements Outcome {}

        /** The region holds the learner's code, {@code wouldLose} (numbered lines): only a forced reset replaces it. */
        record Refused(Path file, int firstLine, String wouldLose) implements Outcome {}
    }

    private final WorkbookLayout layout;
    private final ExerciseCatalog catalog;

    public ExerciseReset(WorkbookLayout layout, ExerciseCatalog catalog) {
        this.layout = Objects.requireNonNull(layout, "layout must not be null");
        this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
    }

    /**
     * Resets exercise {@code number} in the learner's file.
     *
     * @param force whether to replace a region that holds the learner's code
     * @throws WorkbookException if there is no such exercise, the file is missing, or the
     *                           exercise's markers in it are missing or damaged
     */
    public Outcome reset(ExerciseNumber number, boolean force) {
        Exercise exercise = catalog.find(number).orElseThrow(() -> new WorkbookException(
                "there is no exercise " + number + "; the exercises are " + catalog.numbers()));
        Path solution = layout.solutionSources(exercise.stage()).resolve(exercise.file());
        Path file = layout.stageSources(exercise.stage()).resolve(exercise.file());
        String name = layout.relative(file);
        if (!Files.isRegularFile(file)) {
            throw new WorkbookException(name + " does not exist, but exercise " + number + " is written there;"
                    + " restore the file (for example from version control) before resetting one exercise");
        }
        List<MarkedSource.Line> lines = MarkedSource.splitLines(SourceFiles.read(file));
        MarkedSource.Region region = MarkedSource.locate(name, lines, number);
        String stub = Stubs.stubOf(layout.relative(solution), SourceFiles.read(solution));
        List<MarkedSource.Line> stubLines = MarkedSource.splitLines(stub);
        MarkedSource.Region stubRegion = MarkedSource.locate(layout.relative(solution), stubLines, number);

        List<MarkedSource.Line> current = MarkedSource.body(lines, region);
        List<MarkedSource.Line> wanted = MarkedSource.body(stubLines, stubRegion).stream()
                .map(line -> new MarkedSource.Line(line.text(), lines.get(region.begin()).terminator()))
                .toList();
        if (texts(current).equals(texts(wanted))) {
            return new Outcome.AlreadyStub(file);
        }
        int firstLine = region.begin() + 2;
        String code = numbered(current, firstLine);
        if (!force) {
            return new Outcome.Refused(file, firstLine, code);
        }
        SourceFiles.write(file, MarkedSource.withBody(lines, region, wanted));
        return new Outcome.Reset(file, firstLine, code);
    }

    private static List<String> texts(List<MarkedSource.Line> lines) {
        return lines.stream().map(MarkedSource.Line::text).toList();
    }

    private static String numbered(List<MarkedSource.Line> lines, int firstLine) {
        return IntStream.range(0, lines.size())
                .mapToObj(i -> String.format("%5d | %s", firstLine + i, lines.get(i).text()))
                .collect(Collectors.joining("\n"));
    }
}
