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
 * The stubs, made from the solutions, and the learner's files compared with them.
 *
 * <p>A stage's learner files are its solution files with the body of each exercise region
 * replaced by one line, {@code throw new ExerciseNotDone("S.N");}, indented as the region's BEGIN
 * marker and ended as that marker's line is, and without the imports that only the answers used
 * ({@link StubImports}). Every other byte, line endings included, is the solution's; files with no
 * region (and files that are not Java) are copies. So a stub file is a function of its solution file.
 *
 * <p>A learner's file may hold the learner's code in its regions, and the imports that code
 * needs: that is the point of it, and never a drift. {@link #compare} reads each file with every
 * region's body taken for the stub's and without the learner's imports: a file that then differs
 * from what its solution makes has drifted (outside its regions, or its markers are damaged), and
 * a region whose body is not the stub is the learner's. {@link #write} makes the files again and
 * keeps the learner's regions and imports, unless forced.
 */
public final class Stubs {

    /**
     * A file of a stage that is not what its source makes, and why: a learner's file, not what its
     * solution makes, or a solution's file carried over from an earlier stage (see
     * {@link CarriedFiles}), not what that stage's makes.
     *
     * @param file the file, relative to the stage's {@code src/main/java} (or, carried, to the root)
     * @param path the file, relative to the workbook's root
     */
    public record Drift(Stage stage, String file, String path, String problem) {

        public Drift {
            Objects.requireNonNull(stage, "stage must not be null");
            Objects.requireNonNull(file, "file must not be null");
            Objects.requireNonNull(path, "path must not be null");
            Objects.requireNonNull(problem, "problem must not be null");
        }

        /** A learner's file of {@code stage}, relative to its {@code src/main/java}. */
        public Drift(Stage stage, String file, String problem) {
            this(stage, file, stage.module() + "/" + WorkbookLayout.MAIN_SOURCES + "/" + file, problem);
        }

        /** The drift, for a person: the file, relative to the workbook's root, and the problem. */
        public String describe() {
            return path + ": " + problem;
        }
    }

    /**
     * A region of a learner's file that holds code, not the stub.
     *
     * @param file the file, relative to the workbook's root
     * @param line the line of its BEGIN marker, counting from 1
     */
    public record LearnerRegion(ExerciseNumber exercise, String file, int line) {}

    /** What {@link #compare} found: the drifted files and the regions holding a learner's code. */
    public record Comparison(List<Drift> drifts, List<LearnerRegion> learnerRegions) {

        public Comparison {
            drifts = List.copyOf(drifts);
            learnerRegions = List.copyOf(learnerRegions);
        }
    }

    /** What {@link #write} did. */
    public record Written(List<String> files, List<LearnerRegion> kept, List<Drift> refused) {

        public Written {
            files = List.copyOf(files);
            kept = List.copyOf(kept);
            refused = List.copyOf(refused);
        }
    }

    private static final String FIX = "the stubs are made from the solutions: change the solution, then run"
            + " './jbang stubs --write' to make the stub again (it keeps the code in exercise regions)";

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
        return MarkedSource.join(StubImports.pruned(lines));
    }

    /** The body of a region in a stub: its one statement, ended by {@code terminator}. */
    static List<MarkedSource.Line> stubBody(MarkedSource.Region region, String terminator) {
        return List.of(new MarkedSource.Line(region.indent() + stubStatement(region.number()), terminator));
    }

    /**
     * Every file of the stage that is not what its solution makes (missing, extra, or different
     * outside its exercise regions, with a unified diff), and every region of the learner's files
     * that holds code rather than the stub.
     */
    public static Comparison compare(WorkbookLayout layout, Stage stage) {
        Map<String, byte[]> expected = expectedFiles(layout, stage);
        Path stubs = layout.stageSources(stage);
        List<Drift> drifts = new ArrayList<>();
        List<LearnerRegion> learnerRegions = new ArrayList<>();
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
                    compareFile(layout, stage, file, expected.get(file), actual, drifts, learnerRegions);
                }
            }
        }
        return new Comparison(drifts, learnerRegions);
    }

    private static void compareFile(WorkbookLayout layout, Stage stage, String file, byte[] expected, byte[] actual,
            List<Drift> drifts, List<LearnerRegion> learnerRegions) {
        String solutionName = layout.relative(layout.solutionSources(stage).resolve(file));
        String stubName = layout.relative(layout.stageSources(stage).resolve(file));
        String want = SourceFiles.text(expected);
        String have = SourceFiles.text(actual);
        if (want == null || have == null || !SourceFiles.isJava(file)) {
            drifts.add(new Drift(stage, file, "differs from " + solutionName + ", of which it should be a copy; " + FIX));
            return;
        }
        Reading reading;
        try {
            reading = Reading.of(stubName, want, have);
        } catch (WorkbookException damaged) {
            drifts.add(new Drift(stage, file, damaged.getMessage() + "; " + FIX));
            return;
        }
        reading.learnerRegions().forEach(region -> learnerRegions.add(
                new LearnerRegion(region.number(), stubName, region.beginLineNumber())));
        if (!reading.withStubs().equals(want)) {
            drifts.add(new Drift(stage, file, difference(solutionName, stubName, want, reading.withStubs())));
        }
    }

    /**
     * A learner's file read against the stub file its solution makes.
     *
     * @param withStubs      the learner's text with the body of every region the stub's, and
     *                       without the imports the learner added ({@link StubImports})
     * @param learnerRegions the learner's regions (as located in the learner's text) whose body is not the stub
     */
    private record Reading(String withStubs, List<MarkedSource.Region> learnerRegions) {

        /** @throws WorkbookException if a region's markers are missing or damaged in the learner's text */
        static Reading of(String name, String stub, String learner) {
            MarkedSource expected = MarkedSource.parse(name, stub);
            List<MarkedSource.Line> lines = new ArrayList<>(MarkedSource.splitLines(learner));
            List<MarkedSource.Region> located = new ArrayList<>();
            for (MarkedSource.Region region : expected.regions()) {
                located.add(MarkedSource.locate(name, lines, region.number()));
            }
            located.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
            List<MarkedSource.Region> learnerRegions = new ArrayList<>();
            for (MarkedSource.Region region : located.reversed()) { // later regions first keep indexes valid
                List<MarkedSource.Line> body = lines.subList(region.begin() + 1, region.end());
                List<MarkedSource.Line> stubBody = stubBody(region, lines.get(region.begin()).terminator());
                if (!body.equals(stubBody)) {
                    learnerRegions.addFirst(region);
                }
                body.clear();
                body.addAll(stubBody);
            }
            List<MarkedSource.Line> learnersImports = StubImports.learnersOwn(lines, expected.lines());
            return new Reading(MarkedSource.join(StubImports.without(lines, learnersImports)), learnerRegions);
        }
    }

    /**
     * The carried-over files and members that have drifted from their sources ({@link CarriedFiles},
     * {@link CarriedMembers}),
     * then {@link #compare(WorkbookLayout, Stage)}'s drifts, for every stage of the catalog.
     */
    public static List<Drift> check(WorkbookLayout layout, ExerciseCatalog catalog) {
        List<Drift> drifts = new ArrayList<>(CarriedFiles.check(layout));
        drifts.addAll(CarriedMembers.check(layout));
        catalog.stages().forEach(stage -> drifts.addAll(compare(layout, stage).drifts()));
        return drifts;
    }

    /** {@link #compare(WorkbookLayout, Stage)}'s drifts. */
    public static List<Drift> check(WorkbookLayout layout, Stage stage) {
        return compare(layout, stage).drifts();
    }

    /**
     * Makes every carried-over file and member from its source, stage by stage: a copy's source is
     * an earlier stage's, and so already made when it is read (a carried file's source may carry
     * members, and a member's source may be a carried file).
     */
    private static List<String> writeCarried(WorkbookLayout layout) {
        CarriedMembers.check(layout); // a malformed marker fails here, before anything is written
        List<String> written = new ArrayList<>();
        for (Stage stage : layout.stages()) {
            written.addAll(CarriedFiles.write(layout, stage));
            written.addAll(CarriedMembers.write(layout, stage));
        }
        return written;
    }

    /**
     * Makes every carried-over solution file and member from its source ({@link CarriedFiles},
     * {@link CarriedMembers}), then every
     * stub file of every stage from its solution file, writing only the files that change. A
     * region that holds the learner's code keeps it, and the file the imports the learner added,
     * unless {@code force}: then it becomes the stub again. A file whose markers are damaged is not written, unless forced.
     * Files that are not in the solutions are left alone: {@link #compare} reports them.
     *
     * @return the files written, the learner's regions kept, and the files refused
     * @throws WorkbookException before writing anything, if a solution's markers are damaged
     */
    public static Written write(WorkbookLayout layout, ExerciseCatalog catalog, boolean force) {
        List<String> written = writeCarried(layout); // first: the stubs are made from them
        Map<Path, byte[]> plan = new TreeMap<>();
        List<LearnerRegion> kept = new ArrayList<>();
        List<Drift> refused = new ArrayList<>();
        for (Stage stage : catalog.stages()) {
            Path stubs = layout.stageSources(stage);
            expectedFiles(layout, stage).forEach((file, bytes) -> {
                Path target = stubs.resolve(file);
                if (force || !Files.isRegularFile(target) || !SourceFiles.isJava(file)) {
                    plan.put(target, bytes);
                    return;
                }
                try {
                    byte[] merged = keepingLearnerRegions(layout.relative(target), bytes, SourceFiles.readBytes(target),
                            kept);
                    plan.put(target, merged);
                } catch (WorkbookException damaged) {
                    refused.add(new Drift(stage, file, damaged.getMessage() + "; not written (--force writes the stub"
                            + " file as its solution makes it, and loses any code in it)"));
                }
            });
        }
        plan.forEach((file, bytes) -> {
            if (!Files.isRegularFile(file) || !Arrays.equals(SourceFiles.readBytes(file), bytes)) {
                SourceFiles.write(file, bytes);
                written.add(layout.relative(file));
            }
        });
        return new Written(written, kept, refused);
    }

    /**
     * The stub file {@code expected}, with the body of each region that holds code in {@code current}
     * kept, and the imports that {@code current} added.
     */
    private static byte[] keepingLearnerRegions(String name, byte[] expected, byte[] current, List<LearnerRegion> kept) {
        String stub = SourceFiles.text(expected);
        String learner = SourceFiles.text(current);
        if (learner == null) {
            throw new WorkbookException(name + " is not valid UTF-8 text");
        }
        List<MarkedSource.Line> learnerLines = MarkedSource.splitLines(learner);
        MarkedSource made = MarkedSource.parse(name, stub);
        List<MarkedSource.Line> lines = new ArrayList<>(made.lines());
        List<LearnerRegion> keptHere = new ArrayList<>();
        for (MarkedSource.Region region : made.regions().reversed()) { // later regions first keep indexes valid
            MarkedSource.Region theirs = MarkedSource.locate(name, learnerLines, region.number());
            List<MarkedSource.Line> body = MarkedSource.body(learnerLines, theirs);
            if (!body.equals(stubBody(theirs, learnerLines.get(theirs.begin()).terminator()))) {
                List<MarkedSource.Line> target = lines.subList(region.begin() + 1, region.end());
                target.clear();
                target.addAll(body);
                keptHere.addFirst(new LearnerRegion(region.number(), name, theirs.beginLineNumber()));
            }
        }
        kept.addAll(keptHere);
        return SourceFiles.utf8(MarkedSource.join(StubImports.keepingLearners(lines, learnerLines)));
    }

    /** What each file of the stage should be, by its path relative to {@code src/main/java}. */
    static Map<String, byte[]> expectedFiles(WorkbookLayout layout, Stage stage) {
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

    private static String difference(String solutionName, String stubName, String want, String have) {
        if (normalizedLineEndings(want).equals(normalizedLineEndings(have))) {
            return "differs from what " + solutionName + " makes only in its line endings (" + endings(want)
                    + " expected, " + endings(have) + " found); " + FIX;
        }
        return "differs from the stub that " + solutionName + " makes, outside its exercise regions; " + FIX + "\n"
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
