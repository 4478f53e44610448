package asyncqueues.workbook.tools;

import asyncqueues.workbook.testing.ExerciseJudge;
import asyncqueues.workbook.testing.ExerciseVerdict;
import asyncqueues.workbook.testing.FailureText;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
        SOLVED("solved", "✓"),
        NOT_STARTED("not started", "·"),
        FAILING("tests fail", "✗"),
        TIMED_OUT("tests time out", "T"),
        DOES_NOT_COMPILE("does not compile", "C");

        private final String description;
        private final String mark;

        State(String description, String mark) {
            this.description = description;
            this.mark = mark;
        }

        /** One character for a table cell. */
        public String mark() {
            return mark;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * Where one exercise stands.
     *
     * @param detail       why it is not solved, in a few words ({@code "2 of 5 tests fail"}), or empty
     * @param firstFailure the first failing test that counts against it, and its message, or empty
     */
    public record ExerciseProgress(Exercise exercise, State state, String detail, String firstFailure)
            implements Serializable {

        public ExerciseProgress {
            Objects.requireNonNull(exercise, "exercise must not be null");
            Objects.requireNonNull(state, "state must not be null");
            Objects.requireNonNull(detail, "detail must not be null");
            Objects.requireNonNull(firstFailure, "firstFailure must not be null");
        }

        public boolean solved() {
            return state == State.SOLVED;
        }
    }

    /** Where the exercises of one stage stand, and what else a teacher should know about it. */
    public record StageProgress(Stage stage, List<ExerciseProgress> exercises, List<String> notes)
            implements Serializable {

        public StageProgress {
            exercises = List.copyOf(exercises);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Where the exercises of one clone stand.
     *
     * @param root the clone's root, as the report names it
     */
    public record Report(String root, List<StageProgress> stages) implements Serializable {

        public Report {
            stages = List.copyOf(stages);
        }

        public List<ExerciseProgress> exercises() {
            return stages.stream().flatMap(stage -> stage.exercises().stream()).toList();
        }

        public long solved() {
            return exercises().stream().filter(ExerciseProgress::solved).count();
        }

        public boolean allSolved() {
            return solved() == exercises().size();
        }

        /** The exercise's row, if the report has it. */
        public Optional<ExerciseProgress> exercise(ExerciseNumber number) {
            return exercises().stream().filter(row -> row.exercise().number().equals(number)).findFirst();
        }

        /**
         * The table: a heading per stage, a row per exercise with its title in full (wrapped), and
         * the total, e.g. {@code 7/18 solved}; it fits {@value #WIDTH} columns.
         */
        public void print(PrintStream out) {
            out.println("Exercises of the workbook at " + root);
            for (StageProgress stage : stages) {
                out.println();
                out.println(stage.stage().module());
                stage.notes().forEach(note -> out.println("    " + note.replace("\n", "\n    ")));
                for (ExerciseProgress row : stage.exercises()) {
                    String state = row.state() + (row.detail().isEmpty() ? "" : ": " + row.detail());
                    List<String> title = FailureText.wrap(row.exercise().title(), TITLE_WIDTH);
                    out.printf("  %-5s %-" + TITLE_WIDTH + "s  %s%n", row.exercise().number(), title.getFirst(), state);
                    title.subList(1, title.size()).forEach(line -> out.println("        " + line));
                }
            }
            out.println();
            out.println(solved() + "/" + exercises().size() + " solved");
        }
    }

    /** The width of the tables, in columns. */
    static final int WIDTH = 100;

    private static final int TITLE_WIDTH = 48;

    private static final String NOT_STARTED = "still the stub";

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
        return measure(catalog.stages());
    }

    /**
     * Compiles and tests {@code stages} (those of them that have exercises). A stage whose files are
     * all still what the solutions make, every region a stub, is not run: each of its exercises is
     * not started, as the check proves of the stubs.
     *
     * @throws WorkbookException if the foundation itself does not compile
     */
    public Report measure(List<Stage> stages) {
        Path work = temporaryDirectory();
        try (StageBuild build = new StageBuild(layout, work)) {
            List<StageProgress> measured = new ArrayList<>();
            for (Stage stage : stages) {
                if (!catalog.exercisesOf(stage).isEmpty()) {
                    measured.add(untouched(stage) ? notStarted(stage) : measure(stage, build));
                }
            }
            return new Report(layout.root().toString(), measured);
        } finally {
            StageTestRun.deleteRecursively(work);
        }
    }

    private boolean untouched(Stage stage) {
        Stubs.Comparison comparison = Stubs.compare(layout, stage);
        return comparison.drifts().isEmpty() && comparison.learnerRegions().isEmpty();
    }

    private StageProgress notStarted(Stage stage) {
        return new StageProgress(stage, catalog.exercisesOf(stage).stream()
                .map(exercise -> new ExerciseProgress(exercise, State.NOT_STARTED, NOT_STARTED, ""))
                .toList(), List.of());
    }

    private StageProgress measure(Stage stage, StageBuild build) {
        return switch (build.build(stage)) {
            case StageBuild.Result.Failed(List<SourceCompiler.Error> errors, boolean tests) ->
                    doesNotCompile(stage, errors);
            case StageBuild.Result.Compiled compiled -> judge(stage, compiled.tests().run(stageDeadline));
        };
    }

    private StageProgress doesNotCompile(Stage stage, List<SourceCompiler.Error> errors) {
        String more = errors.size() > 1 ? "\n(and " + (errors.size() - 1) + " more compiler errors)" : "";
        String note = "does not compile:\n" + errors.getFirst().describe(layout) + more;
        List<ExerciseProgress> rows = catalog.exercisesOf(stage).stream()
                .map(exercise -> new ExerciseProgress(exercise, State.DOES_NOT_COMPILE, "",
                        errors.getFirst().describe(layout)))
                .toList();
        return new StageProgress(stage, rows, List.of(note));
    }

    private StageProgress judge(Stage stage, StageTestResults results) {
        List<String> notes = new ArrayList<>();
        results.incompleteness().ifPresent(notes::add);
        List<TestOutcome> brokenGivenCode = results.unlabelled().stream() // tests that ran and failed, not those cut short
                .filter(outcome -> outcome.status() == TestOutcome.Status.FAILED
                        || outcome.status() == TestOutcome.Status.ABORTED)
                .toList();
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

    private ExerciseProgress row(Exercise exercise, ExerciseVerdict verdict) {
        String failing = verdict.failing().size() + " of " + verdict.tests() + " tests fail";
        String first = verdict.firstFailure() == null ? "" : String.join("\n", new FailureText(
                layout.stageSources(exercise.stage()), layout.stageTestSources(exercise.stage()), layout.root())
                .lines(verdict.firstFailure(), "", Integer.MAX_VALUE)); // wrapped where it is shown
        return switch (verdict.state()) {
            case SOLVED -> new ExerciseProgress(exercise, State.SOLVED, "", "");
            case NOT_STARTED -> new ExerciseProgress(exercise, State.NOT_STARTED, NOT_STARTED, "");
            case TIMED_OUT -> new ExerciseProgress(exercise, State.TIMED_OUT, failing, first);
            case FAILING -> new ExerciseProgress(exercise, State.FAILING, failing, first);
            case WAITING -> new ExerciseProgress(exercise, State.FAILING, "its tests wait for exercise "
                    + String.join(", ", verdict.waitsFor()), "");
            case UNTESTED -> new ExerciseProgress(exercise, State.FAILING, "no test names it", "");
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
