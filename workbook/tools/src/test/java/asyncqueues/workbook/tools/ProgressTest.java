package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import asyncqueues.workbook.tools.Progress.State;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class ProgressTest extends OnAFixtureCopy {

    private ExerciseCatalog catalog;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeEach
    void loadTheCatalog() {
        catalog = ExerciseCatalog.load(layout);
    }

    private Exercise exercise(ExerciseNumber number) {
        return catalog.find(number).orElseThrow();
    }

    private String printed() {
        String text = printed.toString(StandardCharsets.UTF_8);
        printed.reset();
        return text;
    }

    @Test
    void showsSolvedUnsolvedAndUncompilableExercises() {
        Fixture.solve(layout, exercise(Fixture.SUBTRACT));
        Fixture.edit(layout.root().resolve("step02-multi-worker/src/main/java/" + Fixture.DOUBLER),
                "private Doubler() {}", "private Doubler() {");

        Progress.Report report = new Progress(layout, catalog).measure();

        assertThat(report.exercises()).extracting(row -> row.exercise().number(), Progress.ExerciseProgress::state)
                .containsExactly(
                        tuple(Fixture.ADD, State.NOT_STARTED),
                        tuple(Fixture.NEGATE, State.NOT_STARTED),
                        tuple(Fixture.SUBTRACT, State.SOLVED),
                        tuple(Fixture.DOUBLE, State.DOES_NOT_COMPILE));
        assertThat(report.solved()).isEqualTo(1);
        assertThat(report.allSolved()).isFalse();

        report.print(stream);
        assertThat(printed()).isEqualTo("""
                Exercises of the workbook at %s

                step01-single-queue
                  1.1   add two numbers                                   not started: still the stub
                  1.2   negate a number                                   not started: still the stub
                  1.3   subtract one number from another                  solved

                step02-multi-worker
                    does not compile:
                    step02-multi-worker/src/main/java/asyncqueues/step02/Doubler.java:10: error: illegal start of expression
                  2.1   double with the foundation                        does not compile

                1/4 solved
                """.formatted(layout.root()));
    }

    @Test
    void aFailingSharedTestCountsAgainstTheExerciseWhoseOwnTestsFailAndABrokenGivenTestIsNoted() {
        Fixture.solve(layout, exercise(Fixture.ADD));
        Fixture.solve(layout, exercise(Fixture.DOUBLE));
        Fixture.edit(layout.root().resolve("step01-single-queue/src/main/java/" + Fixture.ADDER),
                "throw new ExerciseNotDone(\"1.2\");", "return a == 0 ? 0 : a;");
        Fixture.edit(layout.root().resolve("step01-single-queue/src/main/java/asyncqueues/step01/Counter.java"),
                "return ++count;", "return count++;");

        Progress.Report report = new Progress(layout, catalog).measure();

        // 1.1's own test passes and the test it shares with 1.2 fails; 1.2's own test fails too,
        // so the shared failure is 1.2's: 1.1 is solved, 1.2 is not.
        assertThat(report.stages().getFirst().exercises())
                .extracting(Progress.ExerciseProgress::state, Progress.ExerciseProgress::detail)
                .containsExactly(tuple(State.SOLVED, ""),
                        tuple(State.FAILING, "2 of 3 tests fail"),
                        tuple(State.NOT_STARTED, "still the stub"));
        assertThat(report.stages().getFirst().exercises().get(1).firstFailure())
                .startsWith("Exercise 1.2: negate > negatesAPositiveNumber()\n  expected: -4\n");
        assertThat(report.stages().getFirst().notes()).singleElement().asString()
                .startsWith("1 test(s) of the given code fail; was code outside the exercise regions changed?"
                        + " First: AdderTest > theCounterStartsAtOneInEveryRun() failed: ");
        assertThat(report.stages().get(1).exercises()).extracting(Progress.ExerciseProgress::state)
                .containsExactly(State.SOLVED);
    }

    @Test
    void theCommandExitsWithOneUntilEveryExerciseIsSolvedThenWithZero() {
        assertThat(Workbook.run(layout.root(), stream, stream, "progress")).isEqualTo(Workbook.FAILED);
        assertThat(printed()).endsWith("\n0/4 solved\n");

        catalog.exercises().forEach(exercise -> Fixture.solve(layout, exercise));

        assertThat(Workbook.run(layout.root(), stream, stream, "progress")).isEqualTo(Workbook.OK);
        assertThat(printed()).endsWith("\n4/4 solved\n");
    }

    @Test
    void oneExerciseExitsWithZeroExactlyWhenItIsSolvedAndSaysWhyNot() {
        assertThat(Workbook.run(layout.root(), stream, stream, "progress", "--exercise", "1.2"))
                .isEqualTo(Workbook.FAILED);
        assertThat(printed()).contains("Exercise 1.2: negate a number", "0 of 1 learner solved it",
                "not started: still the stub");

        Fixture.solve(layout, exercise(Fixture.NEGATE));
        Fixture.edit(layout.root().resolve("step01-single-queue/src/main/java/" + Fixture.ADDER),
                "int negated = -a;", "int negated = a;");
        assertThat(Workbook.run(layout.root(), stream, stream, "progress", "--exercise", "1.2"))
                .isEqualTo(Workbook.FAILED);
        assertThat(printed()).contains("tests fail: 1 of 3 tests fail", "Exercise 1.2: negate >", "expected");

        Fixture.edit(layout.root().resolve("step01-single-queue/src/main/java/" + Fixture.ADDER),
                "int negated = a;", "int negated = -a;");
        assertThat(Workbook.run(layout.root(), stream, stream, "progress", "--exercise=1.2")).isEqualTo(Workbook.OK);
        assertThat(printed()).contains("1 of 1 learner solved it", "✓ solved");
    }

    @Test
    void aFoundationThatDoesNotCompileIsAFailureThatSaysWhere() {
        Fixture.edit(layout.root().resolve("async-task/src/main/java/asyncqueues/task/Numbers.java"),
                "return 2 * value;", "return 2 * value");

        assertThatThrownBy(() -> new Progress(layout, catalog).measure())
                .isInstanceOf(WorkbookException.class)
                .hasMessageContaining("the foundation (async-task, workbook/support) does not compile")
                .hasMessageContaining("async-task/src/main/java/asyncqueues/task/Numbers.java:9: error: ';' expected");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(Workbook.run(layout.root(), stream, stream, "progress", "--json", "--csv")).isEqualTo(Workbook.USAGE);
        assertThat(Workbook.run(layout.root(), stream, stream, "progress", "--exercise", "9.9"))
                .isEqualTo(Workbook.USAGE);
        assertThat(Workbook.run(layout.root(), stream, stream, "progress", "--exercise")).isEqualTo(Workbook.USAGE);
        assertThat(Workbook.run(layout.root(), stream, stream, "hint", "1.1", "--json")).isEqualTo(Workbook.USAGE);
        assertThat(printed()).contains("progress writes --json or --csv, not both at once",
                "there is no exercise 9.9", "--exercise needs an exercise number",
                "--json, --csv and --exercise belong to progress only");
    }

    /** A class: clones of the fixture in every state a teacher meets, each measured in a JVM of its own. */
    @Nested
    class AClass {

        private Path classFolder;

        @BeforeEach
        void makeTheClass() {
            classFolder = dir.resolve("class");
        }

        private WorkbookLayout clone(String learner) {
            return Fixture.copyAs(classFolder.resolve(learner));
        }

        private void solveAll(WorkbookLayout clone) {
            ExerciseCatalog.load(clone).exercises().forEach(exercise -> Fixture.solve(clone, exercise));
        }

        private Path adder(WorkbookLayout clone) {
            return clone.root().resolve("step01-single-queue/src/main/java/" + Fixture.ADDER);
        }

        @Test
        void everyCloneGetsItsRowWhateverItsCodeDoes() throws Exception {
            clone("untouched");
            WorkbookLayout partly = clone("partly");
            Fixture.solve(partly, ExerciseCatalog.load(partly).find(Fixture.ADD).orElseThrow());
            solveAll(clone("solved"));
            WorkbookLayout broken = clone("broken");
            Fixture.edit(broken.root().resolve("step02-multi-worker/src/main/java/" + Fixture.DOUBLER),
                    "private Doubler() {}", "private Doubler() {");
            WorkbookLayout hangs = clone("hangs");
            solveAll(hangs);
            Fixture.edit(adder(hangs), "return a + b;", "while (a == a) { Thread.onSpinWait(); } return 0;");
            WorkbookLayout exits = clone("exits");
            solveAll(exits);
            Fixture.edit(adder(exits), "return a + b;", "System.exit(7); return 0;");
            WorkbookLayout fills = clone("fills");
            solveAll(fills);
            Fixture.edit(adder(fills), "return a + b;",
                    "java.util.List<long[]> kept = new java.util.ArrayList<>(); for (;;) { kept.add(new long[1 << 20]); }");

            ClassReport report = new ClassProgress(2, Duration.ofSeconds(20))
                    .measure(ClassProgress.learnersOf(List.of(classFolder)), List.of());

            assertThat(report.rows()).extracting(ClassReport.Row::learner)
                    .containsExactly("broken", "exits", "fills", "hangs", "partly", "solved", "untouched");
            assertThat(cells(report, "untouched")).isEqualTo("····");
            assertThat(cells(report, "partly")).isEqualTo("✓···");
            assertThat(cells(report, "solved")).isEqualTo("✓✓✓✓");
            assertThat(cells(report, "broken")).isEqualTo("···C");
            assertThat(cells(report, "exits")).isEqualTo("✗✓✓✓"); // the stage's JVM ended: 1.1's test never finished
            assertThat(notes(report, "exits")).contains("exit status 7").contains("System.exit");
            assertThat(notes(report, "fills")).contains("its heap (" + StageTestRun.HEAP + ") was full");
            assertThat(row(report, "hangs").measured()).isFalse();
            assertThat(row(report, "hangs").problem()).contains("did not finish within 20 s");

            report.printTable(stream);
            String table = printed();
            assertThat(table).startsWith("A class of 7 learners: ")
                    .contains("learner     1.1 1.2 1.3 2.1  solved")
                    .contains("solved        ✓   ✓   ✓   ✓     4/4")
                    .contains("hangs        ! not measured: its tests did not finish within 20 s")
                    .contains("solved by     2   3   3   3    of 7")
                    .contains("broken, step02-multi-worker: does not compile:")
                    .contains("  1.3   subtract one number from another");
            assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
        }

        @Test
        void jsonAndCsvCarryTheSameRows() {
            solveAll(clone("ada"));
            clone("ben");

            ClassReport report = new ClassProgress().measure(ClassProgress.learnersOf(
                    List.of(classFolder.resolve("ada"), classFolder.resolve("ben"))), List.of());

            assertThat(report.json())
                    .contains("\"name\": \"ada\"", "\"solved\": 4", "\"name\": \"ben\"", "\"solved\": 0",
                            "\"1.3\": {\n          \"state\": \"not-started\"",
                            "\"number\": \"1.1\",\n      \"title\": \"add two numbers\"", "\"solvedBy\": 1");
            assertThat(report.csv().split("\r\n")).hasSize(1 + 2 * 4)
                    .contains("learner,exercise,title,state,detail,first failure",
                            "ada,1.1,add two numbers,solved,,", "ben,2.1,double with the foundation,not-started,"
                                    + "still the stub,");
        }

        @Test
        void aClassIsGivenAsCloneRootsOrAFolderOfClones() {
            clone("ada");
            clone("ben");
            Path elsewhere = dir.resolve("elsewhere");
            Fixture.copyAs(elsewhere.resolve("ada"));

            assertThat(ClassProgress.learnersOf(List.of(classFolder))).extracting(ClassProgress.Learner::name)
                    .containsExactly("ada", "ben");
            assertThat(ClassProgress.learnersOf(List.of(classFolder.resolve("ben"), classFolder.resolve("ada"))))
                    .extracting(ClassProgress.Learner::name).containsExactly("ben", "ada");
            assertThatThrownBy(() -> ClassProgress.learnersOf(List.of(classFolder, elsewhere.resolve("ada"))))
                    .isInstanceOf(WorkbookException.class).hasMessageContaining("two clones are named ada");
            assertThatThrownBy(() -> ClassProgress.learnersOf(List.of(dir.resolve("nobody"))))
                    .isInstanceOf(WorkbookException.class).hasMessageContaining("neither a clone of the workbook");
        }

        @Test
        void theCommandReadsSeveralRootsFromAnywhere() {
            clone("ada");
            solveAll(clone("ben"));

            assertThat(Workbook.run(dir, stream, stream, "progress", "--root", "class/ada", "--root", "class/ben",
                    "--exercise", "1.1")).isEqualTo(Workbook.FAILED);
            assertThat(printed()).contains("1 of 2 learners solved it", "ada", "not started", "ben", "✓ solved");
        }

        private ClassReport.Row row(ClassReport report, String learner) {
            return report.rows().stream().filter(row -> row.learner().equals(learner)).findFirst().orElseThrow();
        }

        private String cells(ClassReport report, String learner) {
            ClassReport.Row row = row(report, learner);
            assertThat(row.measured()).as("%s was measured: %s", learner, row.problem()).isTrue();
            return String.join("", row.report().exercises().stream().map(cell -> cell.state().mark()).toList());
        }

        private String notes(ClassReport report, String learner) {
            return String.join("\n", cellsOf(row(report, learner)));
        }

        private List<String> cellsOf(ClassReport.Row row) {
            return row.report().stages().stream().flatMap(stage -> stage.notes().stream()).toList();
        }
    }
}
