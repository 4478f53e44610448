package asyncqueues.workbook.tools;

import asyncqueues.workbook.testing.ExerciseJudge;
import asyncqueues.workbook.testing.ExerciseVerdict;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How far a learner has got: which exercises of every stage are solved.
 *
 * <p>It works from the sources alone, so it runs on any clone without a Maven build. The
 * foundation (async-task and workbook-support) is compiled once into a temporary directory; then
 * each stage's main and test sources are compiled against it and against the libraries on the
 * tools' own class path, and the stage's tests are run once, in a {@link StageTestRun}. A stage
 * that does not compile shows its exercises as not compiling, with the compiler's first error.
 *
 * <p>An exercise is judged from the tests tagged with it by {@link ExerciseJudge}, the rule the
 * stage report and watch apply too.
 */
public final class Progress {

    /** Where an exercise stands. */
    public enum State {
        SOLVED("solved"),
        NOT_SOLVED("not solved"),
        DOES_NOT_COMPILE("does not compile");

        private final String description;

        State(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** Where one exercise stands, and a short reason when it is not solved. */
    public record ExerciseProgress(Exercise exercise, State state, String detail) {

        public ExerciseProgress {
            Objects.requireNonNull(exercise, "exercise must not be null");
            Objects.requireNonNull(state, "state must not be null");
            Objects.requireNonNull(detail, "detail must not be null");
        }
    }

    /** Where the exercises of one stage stand, and what else a teacher should know about it. */
    public record StageProgress(Stage stage, List<ExerciseProgress> exercises, List<String> notes) {

        public StageProgress {
            exercises = List.copyOf(exercises);
            notes = List.copyOf(notes);
        }
    }

    /** Where every exercise stands. */
    public record Report(Path root, List<StageProgress> stages) {

        public Report {
            stages = List.copyOf(stages);
        }

        public List<ExerciseProgress> exercises() {
            return stages.stream().flatMap(stage -> stage.exercises().stream()).toList();
        }

        public long solved() {
            return exercises().stream().filter(exercise -> exercise.state() == State.SOLVED).count();
        }

        public boolean allSolved() {
            return solved() == exercises().size();
        }

        /** The table: a heading per stage, a row per exercise, and the total, e.g. {@code 7/15 solved}. */
        public void print(PrintStream out) {
            out.println("Exercises of the workbook at " + root);
            int titleWidth = Math.min(TITLE_WIDTH,
                    exercises().stream().mapToInt(row -> row.exercise().title().length()).max().orElse(0));
            for (StageProgress stage : stages) {
                out.println();
                out.println(stage.stage().module());
                stage.notes().forEach(note -> out.println("    " + note.replace("\n", "\n    ")));
                for (ExerciseProgress row : stage.exercises()) {
                    String title = fit(row.exercise().title(), titleWidth);
                    String detail = row.detail().isEmpty() ? "" : " (" + row.detail() + ")";
                    out.printf("  %-5s %-" + titleWidth + "s  %s%s%n",
                            row.exercise().number(), title, row.state(), detail);
                }
            }
            out.println();
            out.println(solved() + "/" + exercises().size() + " solved");
        }

        private static String fit(String title, int width) {
            return title.length() <= width ? title : title.substring(0, width - 3) + "...";
        }
    }

    private static final int TITLE_WIDTH = 56;

    /** How long one stage's tests may take before the run is abandoned: far beyond any sound stage. */
    static final Duration STAGE_DEADLINE = Duration.ofSeconds(60);

    private final WorkbookLayout layout;
    private final ExerciseCatalog catalog;
    private final Duration stageDeadline;

    public Progress(WorkbookLayout layout, ExerciseCatalog catalog) {
        this(layout, catalog, STAGE_DEADLINE);
    }

    Progress(WorkbookLayout layout, ExerciseCatalog catalog, Duration stageDeadline) {
        this.layout = Objects.requireNonNull(layout, "layout must not be null");
        this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
        this.stageDeadline = Objects.requireNonNull(stageDeadline, "stageDeadline must not be null");
    }

    /**
     * Compiles and tests every stage that has exercises.
     *
     * @throws WorkbookException if the foundation itself does not compile
     */
    public Report measure() {
        Path work = temporaryDirectory();
        try (SourceCompiler compiler = new SourceCompiler()) {
            List<Path> libraries = ToolClassPath.entries();
            Path foundation = work.resolve("foundation");
            SourceCompiler.Result built = compiler.compile(layout.foundationSources(), libraries, foundation);
            if (!built.succeeded()) {
                throw new WorkbookException("the foundation (async-task, workbook/support) does not compile, so no"
                        + " stage can: " + built.errors().getFirst().describe(layout));
            }
            List<StageProgress> stages = new ArrayList<>();
            for (Stage stage : catalog.stages()) {
                if (!catalog.exercisesOf(stage).isEmpty()) {
                    stages.add(measure(stage, compiler, libraries, foundation, work.resolve(stage.module())));
                }
            }
            return new Report(layout.root(), stages);
        } finally {
            deleteRecursively(work);
        }
    }

    private StageProgress measure(Stage stage, SourceCompiler compiler, List<Path> libraries, Path foundation,
            Path work) {
        Path mainClasses = work.resolve("classes");
        Path testClasses = work.resolve("test-classes");
        List<Path> mainPath = concat(List.of(foundation), libraries);
        SourceCompiler.Result main = compiler.compile(List.of(layout.stageSources(stage)), mainPath, mainClasses);
        SourceCompiler.Result tests = main.succeeded()
                ? compiler.compile(List.of(layout.stageTestSources(stage)), concat(List.of(mainClasses), mainPath),
                        testClasses)
                : main;
        if (!tests.succeeded()) {
            return doesNotCompile(stage, tests);
        }
        List<Path> dependencies = new ArrayList<>(List.of(foundation));
        Stream.of("src/main/resources", "src/test/resources")
                .map(resources -> layout.root().resolve(stage.module()).resolve(resources))
                .filter(Files::isDirectory)
                .forEach(dependencies::add);
        StageTestResults results = new StageTestRun(testClasses, mainClasses, dependencies).run(stageDeadline);
        return judge(stage, results);
    }

    private StageProgress doesNotCompile(Stage stage, SourceCompiler.Result result) {
        List<SourceCompiler.Error> errors = result.errors();
        String more = errors.size() > 1 ? "\n(and " + (errors.size() - 1) + " more compiler errors)" : "";
        String note = "does not compile:\n" + errors.getFirst().describe(layout) + more;
        List<ExerciseProgress> rows = catalog.exercisesOf(stage).stream()
                .map(exercise -> new ExerciseProgress(exercise, State.DOES_NOT_COMPILE, ""))
                .toList();
        return new StageProgress(stage, rows, List.of(note));
    }

    private StageProgress judge(Stage stage, StageTestResults results) {
        List<String> notes = new ArrayList<>();
        results.incompleteness().ifPresent(notes::add);
        List<TestOutcome> brokenGivenCode = results.unlabelled().stream().filter(outcome -> !outcome.passed()).toList();
        if (!brokenGivenCode.isEmpty()) {
            notes.add(brokenGivenCode.size() + " test(s) of the given code fail; was code outside the exercise"
                    + " regions changed? First: " + brokenGivenCode.getFirst().summary());
        }
        ExerciseJudge judge = new ExerciseJudge(results.outcomes().stream().map(TestOutcome::toResult).toList());
        List<ExerciseProgress> rows = new ArrayList<>();
        for (Exercise exercise : catalog.exercisesOf(stage)) {
            rows.add(row(exercise, judge.judge(exercise.number().toString())));
        }
        return new StageProgress(stage, rows, notes);
    }

    private static ExerciseProgress row(Exercise exercise, ExerciseVerdict verdict) {
        String failing = verdict.failing().size() + " of " + verdict.tests() + " tests fail";
        return switch (verdict.state()) {
            case SOLVED -> new ExerciseProgress(exercise, State.SOLVED, "");
            case NOT_STARTED -> new ExerciseProgress(exercise, State.NOT_SOLVED, "not started: still the stub");
            case TIMED_OUT -> new ExerciseProgress(exercise, State.NOT_SOLVED, "its tests time out: " + failing);
            case FAILING -> new ExerciseProgress(exercise, State.NOT_SOLVED, failing);
            case UNTESTED -> new ExerciseProgress(exercise, State.NOT_SOLVED, "no test names it");
        };
    }

    private static List<Path> concat(List<Path> first, List<Path> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("workbook-progress-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory to compile in", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless; the report matters more
        }
    }
}
