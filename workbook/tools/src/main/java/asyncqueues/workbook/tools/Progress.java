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
import java.util.List;
import java.util.Objects;

/**
 * How far a learner has got: which exercises of every stage are solved.
 *
 * <p>It works from the sources alone, so it runs on any clone without a Maven build: each stage
 * is compiled in a temporary directory ({@link StageBuild}) and its tests are run once, in a JVM
 * of their own ({@link StageTestRun}). A stage that does not compile shows its exercises as not
 * compiling, with the compiler's first error.
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
        try (StageBuild build = new StageBuild(layout, work)) {
            List<StageProgress> stages = new ArrayList<>();
            for (Stage stage : catalog.stages()) {
                if (!catalog.exercisesOf(stage).isEmpty()) {
                    stages.add(measure(stage, build));
                }
            }
            return new Report(layout.root(), stages);
        } finally {
            StageTestRun.deleteRecursively(work);
        }
    }

    private StageProgress measure(Stage stage, StageBuild build) {
        return switch (build.build(stage)) {
            case StageBuild.Result.Failed(List<SourceCompiler.Error> errors, boolean tests) -> doesNotCompile(stage, errors);
            case StageBuild.Result.Compiled compiled -> judge(stage, compiled.tests().run(stageDeadline));
        };
    }

    private StageProgress doesNotCompile(Stage stage, List<SourceCompiler.Error> errors) {
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

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("workbook-progress-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory to compile in", e);
        }
    }
}
