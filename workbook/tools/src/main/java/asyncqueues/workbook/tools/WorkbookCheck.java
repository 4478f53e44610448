package asyncqueues.workbook.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The maintainers' check of a workbook, as a list of facts per stage, each of which holds or
 * fails with a message a person can act on. {@code WorkbookCheckTest} turns each fact into a
 * test, so the build's test report is the check's report.
 *
 * <p>For every stage:
 * <ul>
 *   <li>it has exercises and tests, and every exercise has a hint;
 *   <li>every learner file is what its solution makes, outside its exercise regions
 *       ({@link Stubs}); a region holding code is a learner's work, reported as such, and a
 *       failure only in a check of the repository itself ({@code pristine});
 *   <li>every test passes against the solution;
 *   <li>against the stubs made from the solutions, every test of the given code passes, and
 *       every exercise has tests and fails one of them with its own {@code ExerciseNotDone} (a
 *       stub that failed only by a timeout, or not at all, would make a test the learner cannot
 *       trust);
 *   <li>every test's exercise labels and tags agree and name exercises of the stage.
 * </ul>
 * It never compiles or runs the learner's files: the root pom's check profile compiles the
 * stage's tests against its solution ({@link WorkbookLayout#checkTestClasses}), and the check
 * makes the stubs from the solutions and compiles them under {@link WorkbookLayout#checkDirectory}.
 * So it proves the workbook as it ships, in a learner's clone too, and changes nothing there.
 */
public final class WorkbookCheck {

    /** One checked fact: it holds when {@code problem} is {@code null}. */
    public record Fact(String name, String problem, Throwable cause) {

        public Fact {
            Objects.requireNonNull(name, "name must not be null");
        }

        static Fact holds(String name) {
            return new Fact(name, null, null);
        }

        static Fact fails(String name, String problem) {
            return new Fact(name, Objects.requireNonNull(problem, "problem must not be null"), null);
        }

        static Fact fails(String name, String problem, Throwable cause) {
            return new Fact(name, Objects.requireNonNull(problem, "problem must not be null"), cause);
        }

        static Fact of(String name, boolean holds, String problem) {
            return holds ? holds(name) : fails(name, problem);
        }

        public boolean holds() {
            return problem == null;
        }

        /**
         * Does nothing if the fact holds.
         *
         * @param where what the fact is about (a stage module), so that the failure names it
         *              even in a report that shows only the failure's message
         * @throws AssertionError with where, the fact and its problem, and the failure behind
         *                        the problem as its cause, if the fact does not hold
         */
        public void verify(String where) {
            if (problem != null) {
                throw new AssertionError(where + " > " + name + ":\n" + problem, cause);
            }
        }
    }

    private static final String BUILD_FIRST = "the check runs on Maven's build output: run 'mvn -P check verify'"
            + " from the workbook's root";

    /** The name of a fact about a region of a learner's file that holds code. */
    static final String LEARNER_CODE = "holds a learner's code, left as it is (the check tests the stubs made"
            + " from the solutions)";

    private final WorkbookLayout layout;
    private final ExerciseCatalog catalog;
    private final boolean pristine;

    /** A check of a workbook that may hold a learner's code in its exercise regions. */
    public WorkbookCheck(WorkbookLayout layout, ExerciseCatalog catalog) {
        this(layout, catalog, false);
    }

    /**
     * @param pristine whether a region holding code fails the check: true in a check of the
     *                 repository itself (CI), where every region must be its stub
     */
    public WorkbookCheck(WorkbookLayout layout, ExerciseCatalog catalog, boolean pristine) {
        this.layout = Objects.requireNonNull(layout, "layout must not be null");
        this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
        this.pristine = pristine;
    }

    /** Every fact about {@code stage}; runs its tests twice, so it takes seconds. */
    public List<Fact> facts(Stage stage) {
        List<Exercise> exercises = catalog.exercisesOf(stage);
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("has exercises", !exercises.isEmpty(), stage.module() + " has no exercise: no region is"
                + " marked in " + layout.relative(layout.solutionSources(stage)) + " (see workbook/README.md)"));
        facts.add(Fact.of("has tests", !SourceFiles.javaFiles(layout.stageTestSources(stage)).isEmpty(),
                stage.module() + " has no tests in " + layout.relative(layout.stageTestSources(stage))));
        exercises.forEach(exercise -> facts.add(hintFact(exercise)));
        facts.addAll(carriedFacts(stage));
        facts.addAll(stubFacts(stage));
        List<Path> missing = Stream.concat(Stream.of(layout.checkTestClasses(stage), layout.solutionClasses(stage)),
                        layout.foundationClasses().stream())
                .filter(dir -> !Files.isDirectory(dir))
                .toList();
        if (!missing.isEmpty()) {
            facts.add(Fact.fails("is compiled", BUILD_FIRST + "; missing: "
                    + missing.stream().map(layout::relative).collect(Collectors.joining(", "))));
            return facts;
        }
        Path stubClasses = layout.checkDirectory(stage).resolve("stub-classes");
        Fact stubsCompile = compileStubs(stage, stubClasses);
        facts.add(stubsCompile);
        StageTestResults solution = run(stage, layout.solutionClasses(stage));
        facts.addAll(solutionFacts(solution));
        if (stubsCompile.holds()) {
            facts.addAll(stubRunFacts(exercises, run(stage, stubClasses)));
        }
        facts.add(tagFact(stage, exercises, solution));
        return facts;
    }

    private StageTestResults run(Stage stage, Path mainClasses) {
        return new StageTestRun(layout.checkTestClasses(stage), mainClasses, layout.foundationClasses()).run();
    }

    /** Writes the stubs that the solutions make under the check's directory, and compiles them there. */
    private Fact compileStubs(Stage stage, Path classes) {
        Path sources = layout.checkDirectory(stage).resolve("stub-sources");
        StageTestRun.deleteRecursively(sources);
        StageTestRun.deleteRecursively(classes);
        Stubs.expectedFiles(layout, stage).forEach((file, bytes) -> SourceFiles.write(sources.resolve(file), bytes));
        List<Path> classPath = Stream.concat(layout.foundationClasses().stream(), ToolClassPath.entries().stream())
                .toList();
        try (SourceCompiler compiler = new SourceCompiler()) {
            SourceCompiler.Result result = compiler.compile(List.of(sources), classPath, classes);
            return Fact.of("the stubs made from the solutions compile", result.succeeded(), result.succeeded() ? null
                    : result.errors().stream().limit(5).map(error -> error.describe(layout))
                            .collect(Collectors.joining("\n")));
        }
    }

    private Fact hintFact(Exercise exercise) {
        Path hint = layout.hintFile(exercise);
        String name = "Exercise " + exercise.number() + " has a hint";
        if (!Files.isRegularFile(hint)) {
            return Fact.fails(name, "exercise " + exercise.number() + " has no hint: write " + exercise.hintFile());
        }
        return Fact.of(name, !SourceFiles.read(hint).isBlank(), exercise.hintFile() + " is empty");
    }

    /** A fact per file the stage carries over from an earlier one: it is what its source makes. */
    private List<Fact> carriedFacts(Stage stage) {
        return CarriedFiles.load(layout).stream()
                .filter(carried -> carried.to().equals(stage))
                .map(carried -> {
                    String name = "carried over from " + carried.from() + " as its source makes it: "
                            + layout.relative(carried.copy(layout));
                    return carried.drift(layout).map(drift -> Fact.fails(name, drift.describe()))
                            .orElseGet(() -> Fact.holds(name));
                })
                .toList();
    }

    private List<Fact> stubFacts(Stage stage) {
        Stubs.Comparison comparison = Stubs.compare(layout, stage);
        Map<String, Stubs.Drift> drifts = comparison.drifts().stream()
                .collect(Collectors.toMap(Stubs.Drift::file, Function.identity()));
        Set<String> files = new TreeSet<>(SourceFiles.list(layout.solutionSources(stage)));
        files.addAll(SourceFiles.list(layout.stageSources(stage)));
        List<Fact> facts = new ArrayList<>(files.stream()
                .map(file -> drifts.containsKey(file)
                        ? Fact.fails("stub is what its solution makes: " + file, drifts.get(file).describe())
                        : Fact.holds("stub is what its solution makes: " + file))
                .toList());
        for (Stubs.LearnerRegion region : comparison.learnerRegions()) {
            String name = "Exercise " + region.exercise() + " in " + region.file() + ":" + region.line() + " "
                    + LEARNER_CODE;
            facts.add(pristine
                    ? Fact.fails(name, "in the repository, every exercise region holds its stub; './jbang reset "
                            + region.exercise() + " --force' puts it back")
                    : Fact.holds(name));
        }
        return facts;
    }

    private static List<Fact> solutionFacts(StageTestResults results) {
        List<Fact> facts = new ArrayList<>();
        results.incompleteness().ifPresent(problem ->
                facts.add(Fact.fails("tests against the solution run to the end", problem)));
        if (results.tests().isEmpty()) {
            facts.add(Fact.fails("tests are found", "no test was found in the compiled tests (test classes are"
                    + " named *Test, *Tests, Test* or *TestCase)"));
        }
        for (TestOutcome outcome : results.outcomes()) {
            facts.add(outcome.passed()
                    ? Fact.holds("passes against the solution: " + outcome.displayName())
                    : Fact.fails("passes against the solution: " + outcome.displayName(),
                            "against the solution, " + outcome.summary(), outcome.failureAsThrowable()));
        }
        return facts;
    }

    private static List<Fact> stubRunFacts(List<Exercise> exercises, StageTestResults results) {
        List<Fact> facts = new ArrayList<>();
        results.incompleteness().ifPresent(problem ->
                facts.add(Fact.fails("tests against the stubs run to the end", problem)));
        for (TestOutcome outcome : results.unlabelled()) {
            String name = "given code passes against the stubs: " + outcome.displayName();
            facts.add(outcome.passed() ? Fact.holds(name) : Fact.fails(name, "a test of given code (no tag names an"
                    + " exercise) must pass against the untouched stubs, but " + outcome.summary(),
                    outcome.failureAsThrowable()));
        }
        for (Exercise exercise : exercises) {
            facts.add(stubFailsFact(exercise, results.labelledWith(exercise.number())));
        }
        return facts;
    }

    private static Fact stubFailsFact(Exercise exercise, List<TestOutcome> tests) {
        ExerciseNumber number = exercise.number();
        String name = "Exercise " + number + " fails against its stub with ExerciseNotDone(\"" + number + "\")";
        if (tests.isEmpty()) {
            return Fact.fails(name, "no test is tagged with exercise " + number + ": label and tag one with"
                    + " @DisplayName(\"Exercise " + number + ": ...\") and @Tag(\"exercise-" + number + "\"),"
                    + " on the test or its class");
        }
        if (tests.stream().anyMatch(test -> test.failedWithExerciseNotDone(number))) {
            return Fact.holds(name);
        }
        return Fact.fails(name, "against the stubs, no test of exercise " + number + " fails with its own"
                + " ExerciseNotDone(\"" + number + "\") (a stub must fail one of its exercise's tests that way,"
                + " not by a timeout); its tests:\n  " + tests.stream().map(TestOutcome::summary)
                        .collect(Collectors.joining("\n  ")));
    }

    private static Fact tagFact(Stage stage, List<Exercise> exercises, StageTestResults results) {
        Set<ExerciseNumber> known = exercises.stream().map(Exercise::number).collect(Collectors.toSet());
        Set<String> problems = new TreeSet<>();
        for (TestOutcome outcome : results.outcomes()) {
            for (ExerciseNumber number : outcome.exercises()) {
                if (!known.contains(number)) {
                    problems.add(outcome.displayName() + ": is tagged with exercise " + number + ", which "
                            + stage.module() + " does not have (its exercises: " + exercises.stream()
                                    .map(exercise -> exercise.number().toString()).collect(Collectors.joining(", "))
                            + ")");
                }
            }
        }
        return Fact.of("test tags name exercises of this stage", problems.isEmpty(),
                "bad exercise tags:\n  " + String.join("\n  ", problems));
    }
}
