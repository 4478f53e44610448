package asyncqueues.workbook.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stubs, made from the solutions.
 *
 * <p>A stage's learner files are its solution files with the body of each exercise region
 * replaced by one line, {@code throw new ExerciseNotDone("S.N");}, indented as the region's BEGIN
 * marker and ended as that marker's line is. Every other byte, line endings included, is the
 * solution's; files with no region (and files that are not Java) are copies. So a stub file is a
 * function of its solution file, which {@link #check} verifies for every file of a stage (the
 * same files on both sides, each what its solution makes) and {@link #write} applies.
 */
public final class Stubs {

    /** A file of a stage that is not what its solution makes, and why. */
    public record Drift(Stage stage, String file, String problem) {

        public Drift {
            Objects.requireNonNull(stage, "stage must not be null");
            Objects.requireNonNull(file, "file must not be null");
            Objects.requireNonNull(problem, "problem must not be null");
        }

        /** The drift, for a person: the file, relative to the workbook's root, and the problem. */
        public String describe() {
            return stage.module() + "/" + WorkbookLayout.MAIN_SOURCES + "/" + file + ": " + problem;
        }
    }

    private static final String FIX = "the stubs are made from the solutions: change the solution, then run"
            + " 'stubs --write' to make the stub again";

    private Stubs() {}

    /** The one statement of an unsolved exercise's region. */
    static String stubStatement(ExerciseNumber number) {
        return "throw new ExerciseNotDone(\"" + number + "\");";
    }

    /**
     * The stub file that a solution file makes.
     *
     * @param name how messages name the solution file
     * @throws WorkbookException if the solution's markers are damaged
     */
    public static String stubOf(String name, String solution) {
        MarkedSource source = MarkedSource.parse(name, solution);
        List<MarkedSource.Line> lines = new ArrayList<>(source.lines());
        for (MarkedSource.Region region : source.regions().reversed()) { // later regions first keep indexes valid
            List<MarkedSource.Line> rest = lines.subList(region.begin() + 1, region.end());
            rest.clear();
            rest.addAll(stubBody(region, lines.get(region.begin()).terminator()));
        }
        return MarkedSource.join(lines);
    }

    /** The body of a region in a stub: its one statement, ended by {@code terminator}. */
    static List<MarkedSource.Line> stubBody(MarkedSource.Region region, String terminator) {
        return List.of(new MarkedSource.Line(region.indent() + stubStatement(region.number()), terminator));
    }

    /**
     * Every file of the stage that is not what its solution makes: missing, extra, or different
     * (with a unified diff from what it should be to what it is).
     */
    public static List<Drift> check(WorkbookLayout layout, Stage stage) {
        Map<String, byte[]> expected = expectedFiles(layout, stage);
        Path stubs = layout.stageSources(stage);
        List<Drift> drifts = new ArrayList<>();
        TreeSet<String> files = new TreeSet<>(expected.keySet());
        files.addAll(SourceFiles.list(stubs));
        for (String file : files) {
            Path stubFile = stubs.resolve(file);
            String solutionName = layout.relative(layout.solutionSources(stage).resolve(file));
            if (!expected.containsKey(file)) {
                drifts.add(new Drift(stage, file, "is not in the solution (" + solutionName + " does not exist);"
                        + " every file of a stage is made from its solution: add it there, or delete it here"));
            } else if (!Files.isRegularFile(stubFile)) {
                drifts.add(new Drift(stage, file, "is missing; " + FIX));
            } else {
                byte[] actual = SourceFiles.readBytes(stubFile);
                if (!Arrays.equals(expected.get(file), actual)) {
                    drifts.add(new Drift(stage, file, difference(solutionName, layout.relative(stubFile),
                            expected.get(file), actual)));
                }
            }
        }
        return drifts;
    }

    /** {@link #check(WorkbookLayout, Stage)} for every stage of the catalog. */
    public static List<Drift> check(WorkbookLayout layout, ExerciseCatalog catalog) {
        return catalog.stages().stream().flatMap(stage -> check(layout, stage).stream()).toList();
    }

    /**
     * Makes every stub file of every stage from its solution file, writing only the files that
     * change. Files that are not in the solutions are left alone: {@link #check} reports them.
     *
     * @return the files written, relative to the workbook's root
     * @throws WorkbookException before writing anything, if a solution's markers are damaged
     */
    public static List<String> write(WorkbookLayout layout, ExerciseCatalog catalog) {
        Map<Path, byte[]> plan = new TreeMap<>();
        for (Stage stage : catalog.stages()) {
            Path stubs = layout.stageSources(stage);
            expectedFiles(layout, stage).forEach((file, bytes) -> plan.put(stubs.resolve(file), bytes));
        }
        List<String> written = new ArrayList<>();
        plan.forEach((file, bytes) -> {
            if (!Files.isRegularFile(file) || !Arrays.equals(SourceFiles.readBytes(file), bytes)) {
                SourceFiles.write(file, bytes);
                written.add(layout.relative(file));
            }
        });
        return written;
    }

    /** What each file of the stage should be, by its path relative to {@code src/main/java}. */
    private static Map<String, byte[]> expectedFiles(WorkbookLayout layout, Stage stage) {
        Path solutions = layout.solutionSources(stage);
        Map<String, byte[]> expected = new TreeMap<>();
        for (String file : SourceFiles.list(solutions)) {
            Path solution = solutions.resolve(file);
            expected.put(file, SourceFiles.isJava(file)
                    ? SourceFiles.utf8(stubOf(layout.relative(solution), SourceFiles.read(solution)))
                    : SourceFiles.readBytes(solution));
        }
        return expected;
    }

    private static String difference(String solutionName, String stubName, byte[] expected, byte[] actual) {
        String want = SourceFiles.text(expected);
        String have = SourceFiles.text(actual);
        if (want == null || have == null) {
            return "differs from " + solutionName + ", of which it should be a copy; " + FIX;
        }
        if (normalizedLineEndings(want).equals(normalizedLineEndings(have))) {
            return "differs from what " + solutionName + " makes only in its line endings (" + endings(want)
                    + " expected, " + endings(have) + " found); " + FIX;
        }
        return "differs from the stub that " + solutionName + " makes; " + FIX + "\n"
                + UnifiedDiff.between(stubName + " (as the solution makes it)", want, stubName + " (as it is)", have);
    }

    private static String normalizedLineEndings(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String endings(String text) {
        TreeSet<String> kinds = new TreeSet<>();
        for (MarkedSource.Line line : MarkedSource.splitLines(text)) {
            switch (line.terminator()) {
                case "\r\n" -> kinds.add("CRLF");
                case "\r" -> kinds.add("CR");
                case "\n" -> kinds.add("LF");
                default -> { }
            }
        }
        return kinds.isEmpty() ? "none" : String.join("+", kinds);
    }
}
