package asyncqueues.workbook.tools;

import asyncqueues.workbook.testing.ExerciseMarkers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a stage carries over unchanged from an earlier stage's solution, so that each stage
 * reads on its own: stage 7's {@code FutureType}, say, is stage 4's, and stage 6's runtime is
 * stage 5's. One source holds each: the earlier stage's solution file. The later stage's solution
 * file is made from it by {@code ./jbang stubs --write}, and the check fails when it has drifted;
 * its stub is then made from it as every stub is. The copy is the source with
 * <ul>
 *   <li>a first line that says where it comes from;
 *   <li>the package renamed ({@code asyncqueues.step04} becomes {@code asyncqueues.step07});
 *   <li>its exercises solved: the marker lines dropped, their code kept, and the import of
 *       {@code ExerciseNotDone} (which only a stub needs) dropped with them. An earlier stage's
 *       exercise is given code in a later one.
 * </ul>
 *
 * <p>A stage's test file is carried the same way, from the earlier stage's tests: a helper, or
 * tests of code that both stages share. Its exercises are given code here too, so its exercise
 * tags ({@code @Tag("exercise-5.2")}) are dropped, and the {@code "Exercise 5.2: "} that begins
 * a display name.
 *
 * <p>They are listed in {@value #LIST}, one line each, a test file with {@code test/} before its name:
 * <pre>
 *   step07-parking  FutureType.java             from step04-stealing
 *   step07-parking  test/CounterFutureTest.java from step04-stealing
 * </pre>
 * Blank lines and lines that begin with {@code #} are ignored.
 */
final class CarriedFiles {

    static final String LIST = "solutions/carried-over.txt";

    private static final String EXERCISE_NOT_DONE_IMPORT = "import asyncqueues.workbook.ExerciseNotDone;";

    private static final String TEST = "test/";

    private static final Pattern EXERCISE_TAG = Pattern.compile("\\s*@Tag\\(\"exercise-\\d+\\.\\d+\"\\)");

    private static final Pattern EXERCISE_LABEL =
            Pattern.compile("(@DisplayName\\(\")Exercises? \\d+\\.\\d+(?:, \\d+\\.\\d+)*: ");

    private static final String TAG_IMPORT = "import org.junit.jupiter.api.Tag;";

    private static final Pattern LINE = Pattern.compile("(\\S+)\\s+((?:" + TEST + ")?[A-Za-z0-9_]+\\.java)\\s+from\\s+(\\S+)");

    /**
     * One carried file: {@code file} of {@code from}'s package, carried into {@code to}'s; from
     * the solution's main sources to the solution's, or, for a test, from the stage's tests to
     * the stage's.
     */
    record Carried(Stage from, Stage to, String file, boolean test) {

        /** The source file. */
        Path source(WorkbookLayout layout) {
            return sources(layout, from, test).resolve(packageDirectory(from)).resolve(file);
        }

        /** The copy. */
        Path copy(WorkbookLayout layout) {
            return sources(layout, to, test).resolve(packageDirectory(to)).resolve(file);
        }

        /** What the copy should be: the text its source makes now. */
        String expected(WorkbookLayout layout) {
            return copyOf(SourceFiles.read(source(layout)));
        }

        /** The copy's drift from its source, if it has drifted or is missing. */
        Optional<Stubs.Drift> drift(WorkbookLayout layout) {
            String want = expected(layout);
            Path copy = copy(layout);
            String copyName = layout.relative(copy);
            String sourceName = layout.relative(source(layout));
            String fix = "it is " + sourceName + " carried over (" + LIST + "): change that file, then run"
                    + " './jbang stubs --write', which makes this one from it";
            if (!Files.isRegularFile(copy)) {
                return Optional.of(new Stubs.Drift(to, copyName, copyName, "is missing; " + fix));
            }
            String have = SourceFiles.read(copy);
            if (have.equals(want)) {
                return Optional.empty();
            }
            return Optional.of(new Stubs.Drift(to, copyName, copyName, "differs from what " + sourceName + " makes; "
                    + fix + "\n" + UnifiedDiff.between(copyName + " (as its source makes it)", want,
                            copyName + " (as it is)", have)));
        }

        /** The copy's text that {@code source}, the source's text, makes. */
        String copyOf(String source) {
            List<MarkedSource.Line> lines = MarkedSource.splitLines(solved(source, from, to, test));
            String terminator = lines.isEmpty() ? "\n" : lines.getFirst().terminator();
            lines.addFirst(new MarkedSource.Line("// Carried over unchanged from " + from + (test ? "'s tests" : "'s solution")
                    + " by ./jbang stubs --write; edit it there.", terminator));
            return MarkedSource.join(lines);
        }
    }

    private CarriedFiles() {}

    /**
     * {@code source}, the text of a file of {@code from}, as {@code to} carries it: the package
     * renamed and {@code from}'s exercises solved, their markers dropped (and for a test, their
     * tags and the {@code "Exercise S.N: "} of display names).
     */
    static String solved(String source, Stage from, Stage to, boolean test) {
        String renamed = source.replaceAll("\\basyncqueues\\.step" + twoDigits(from) + "\\b",
                Matcher.quoteReplacement("asyncqueues.step" + twoDigits(to)));
        if (test) {
            renamed = EXERCISE_LABEL.matcher(renamed).replaceAll("$1");
        }
        List<MarkedSource.Line> lines = new ArrayList<>();
        for (MarkedSource.Line line : MarkedSource.splitLines(renamed)) {
            if (!solvedHere(line.text(), test)) {
                lines.add(line);
            }
        }
        if (test && lines.stream().noneMatch(line -> line.text().contains("@Tag("))) {
            lines.removeIf(line -> line.text().equals(TAG_IMPORT));
        }
        return MarkedSource.join(lines);
    }

    /** Whether {@code line} only marks an exercise of the earlier stage, which is given code in the later one. */
    private static boolean solvedHere(String line, boolean test) {
        return ExerciseMarkers.BEGIN.matcher(line).matches() || ExerciseMarkers.END.matcher(line).matches()
                || line.equals(EXERCISE_NOT_DONE_IMPORT) || test && EXERCISE_TAG.matcher(line).matches();
    }

    /**
     * The carried files of {@code layout}, none if it has no {@value #LIST}.
     *
     * @throws WorkbookException naming every line that is malformed, names no stage, carries a
     *         file forward from a later stage, or names a source that does not exist
     */
    static List<Carried> load(WorkbookLayout layout) {
        Path list = layout.root().resolve(LIST);
        if (!Files.isRegularFile(list)) {
            return List.of();
        }
        Map<String, Stage> stages = new TreeMap<>();
        layout.stages().forEach(stage -> stages.put(stage.module(), stage));
        List<Carried> carried = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = SourceFiles.read(list).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = LIST + ":" + (i + 1) + ": ";
            Matcher parts = LINE.matcher(line);
            if (!parts.matches()) {
                problems.add(where + "'" + line + "' does not read 'stepNN-name File.java from stepMM-name'");
                continue;
            }
            Optional<Stage> to = Optional.ofNullable(stages.get(parts.group(1)));
            Optional<Stage> from = Optional.ofNullable(stages.get(parts.group(3)));
            if (to.isEmpty() || from.isEmpty()) {
                problems.add(where + "no stage module is named " + (to.isEmpty() ? parts.group(1) : parts.group(3)));
            } else if (from.get().number() >= to.get().number()) {
                problems.add(where + "a file is carried forward, from an earlier stage to a later one, not from "
                        + from.get() + " to " + to.get());
            } else {
                String file = parts.group(2);
                boolean test = file.startsWith(TEST);
                Carried one = new Carried(from.get(), to.get(), test ? file.substring(TEST.length()) : file, test);
                if (!Files.isRegularFile(one.source(layout))) {
                    problems.add(where + "its source " + sourceName(layout, one) + " does not exist");
                } else {
                    carried.add(one);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkbookException(String.join("\n", problems));
        }
        return List.copyOf(carried);
    }

    /** Every carried copy that is not what its source makes, as a drift of the stage that carries it. */
    static List<Stubs.Drift> check(WorkbookLayout layout) {
        return load(layout).stream().flatMap(one -> one.drift(layout).stream()).toList();
    }

    /** Makes every carried copy from its source, writing only those that change; returns them. */
    static List<String> write(WorkbookLayout layout) {
        return layout.stages().stream().flatMap(stage -> write(layout, stage).stream()).toList();
    }

    /** Makes the copies that {@code stage} carries from their sources, writing only those that change; returns them. */
    static List<String> write(WorkbookLayout layout, Stage stage) {
        List<String> written = new ArrayList<>();
        for (Carried one : load(layout)) {
            if (!one.to().equals(stage)) {
                continue;
            }
            byte[] want = SourceFiles.utf8(one.expected(layout));
            Path copy = one.copy(layout);
            if (!Files.isRegularFile(copy) || !Arrays.equals(SourceFiles.readBytes(copy), want)) {
                SourceFiles.write(copy, want);
                written.add(layout.relative(copy));
            }
        }
        return written;
    }

    private static String sourceName(WorkbookLayout layout, Carried one) {
        return layout.relative(one.source(layout));
    }

    /** Where a carried file or member of {@code stage} lives: its solution's sources, or for a test its tests. */
    static Path sources(WorkbookLayout layout, Stage stage, boolean test) {
        return test ? layout.stageTestSources(stage) : layout.solutionSources(stage);
    }

    static String packageDirectory(Stage stage) {
        return "asyncqueues/step" + twoDigits(stage);
    }

    static String twoDigits(Stage stage) {
        return String.format(Locale.ROOT, "%02d", stage.number());
    }
}
