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
 *   <li>every stub file is what its solution makes ({@link Stubs});
 *   <li>every test passes against the solution;
 *   <li>against the stubs, every test of the given code passes, and every exercise has tests and
 *       fails one of them with its own {@code ExerciseNotDone} (a stub that failed only by a
 *       timeout, or not at all, would make a test the learner cannot trust);
 *   <li>every label names an exercise of the stage, and none is malformed.
 * </ul>
 * The runs use what Maven compiled ({@code target/classes}, {@code target/test-classes}), so the
 * check belongs at the end of {@code mvn -P check verify}, where the root pom puts it.
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

    private final WorkbookLayout layout;
    private final ExerciseCatalog catalog;

    public WorkbookCheck(WorkbookLayout layout, ExerciseCatalog catalog) {
        this.layout = Objects.requireNonNull(layout, "layout must not be null");
        this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
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
        facts.addAll(stubFacts(stage));
        List<Path> missing = Stream.concat(
                        Stream.of(layout.testClasses(stage), layout.stubClasses(stage), layout.solutionClasses(stage)),
                        layout.foundationClasses().stream())
                .filter(dir -> !Files.isDirectory(dir))
                .toList();
        if (!missing.isEmpty()) {
            facts.add(Fact.fails("is compiled", BUILD_FIRST + "; missing: "
                    + missing.stream().map(layout::relative).collect(Collectors.joining(", "))));
            return facts;
        }
        StageTestResults solution = run(stage, layout.solutionClasses(stage));
        facts.addAll(solutionFacts(solution));
        facts.addAll(stubRunFacts(exercises, run(stage, layout.stubClasses(stage))));
        facts.add(labelFact(stage, exercises, solution));
        return facts;
    }

    private StageTestResults run(Stage stage, Path mainClasses) {
        return new StageTestRun(layout.testClasses(stage), mainClasses, layout.foundationClasses()).run();
    }

    private Fact hintFact(Exercise exercise) {
        Path hint = layout.hintFile(exercise);
        String name = "Exercise " + exercise.number() + " has a hint";
        if (!Files.isRegularFile(hint)) {
            return Fact.fails(name, "exercise " + exercise.number() + " has no hint: write " + exercise.hintFile());
        }
        return Fact.of(name, !SourceFiles.read(hint).isBlank(), exercise.hintFile() + " is empty");
    }

    private List<Fact> stubFacts(Stage stage) {
        Map<String, Stubs.Drift> drifts = Stubs.check(layout, stage).stream()
                .collect(Collectors.toMap(Stubs.Drift::file, Function.identity()));
        Set<String> files = new TreeSet<>(SourceFiles.list(layout.solutionSources(stage)));
        files.addAll(SourceFiles.list(layout.stageSources(stage)));
        return files.stream()
                .map(file -> drifts.containsKey(file)
                        ? Fact.fails("stub is what its solution makes: " + file, drifts.get(file).describe())
                        : Fact.holds("stub is what its solution makes: " + file))
                .toList();
    }

    private static List<Fact> solutionFacts(StageTestResults results) {
        List<Fact> facts = new ArrayList<>();
        results.incompleteness().ifPresent(problem ->
                facts.add(Fact.fails("tests against the solution run to the end", problem, results.launcherFailure())));
        if (results.tests().isEmpty()) {
            facts.add(Fact.fails("tests are found", "no test was found in the compiled tests (test classes are"
                    + " named *Test, *Tests, Test* or *TestCase)"));
        }
        for (TestOutcome outcome : results.outcomes()) {
            facts.add(outcome.passed()
                    ? Fact.holds("passes against the solution: " + outcome.displayName())
                    : Fact.fails("passes against the solution: " + outcome.displayName(),
                            "against the solution, " + outcome.summary(), outcome.throwable()));
        }
        return facts;
    }

    private static List<Fact> stubRunFacts(List<Exercise> exercises, StageTestResults results) {
        List<Fact> facts = new ArrayList<>();
        results.incompleteness().ifPresent(problem ->
                facts.add(Fact.fails("tests against the stubs run to the end", problem, results.launcherFailure())));
        for (TestOutcome outcome : results.unlabelled()) {
            String name = "given code passes against the stubs: " + outcome.displayName();
            facts.add(outcome.passed() ? Fact.holds(name) : Fact.fails(name, "a test of given code (it has no"
                    + " exercise label) must pass against the untouched stubs, but " + outcome.summary(),
                    outcome.throwable()));
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
            return Fact.fails(name, "no test is labelled with exercise " + number + ": label one with"
                    + " @DisplayName(\"Exercise " + number + ": ...\") on the test or its class");
        }
        if (tests.stream().anyMatch(test -> test.failedWithExerciseNotDone(number))) {
            return Fact.holds(name);
        }
        return Fact.fails(name, "against the stubs, no test of exercise " + number + " fails with its own"
                + " ExerciseNotDone(\"" + number + "\") (a stub must fail one of its exercise's tests that way,"
                + " not by a timeout); its tests:\n  " + tests.stream().map(TestOutcome::summary)
                        .collect(Collectors.joining("\n  ")));
    }

    private static Fact labelFact(Stage stage, List<Exercise> exercises, StageTestResults results) {
        Set<ExerciseNumber> known = exercises.stream().map(Exercise::number).collect(Collectors.toSet());
        Set<String> problems = new TreeSet<>();
        for (TestOutcome outcome : results.outcomes()) {
            problems.addAll(outcome.malformedLabels().stream()
                    .map(problem -> outcome.displayName() + ": " + problem).toList());
            for (ExerciseNumber number : outcome.exercises()) {
                if (!known.contains(number)) {
                    problems.add(outcome.displayName() + ": names exercise " + number + ", which " + stage.module()
                            + " does not have (its exercises: " + exercises.stream()
                                    .map(exercise -> exercise.number().toString()).collect(Collectors.joining(", "))
                            + ")");
                }
            }
        }
        return Fact.of("test labels name exercises of this stage", problems.isEmpty(),
                "bad exercise labels:\n  " + String.join("\n  ", problems));
    }
}
