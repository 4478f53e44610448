package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The maintainers' check on the fixture: sound, and broken in each way the check must catch. */
@Timeout(120)
class WorkbookCheckFixtureTest extends OnAFixtureCopy {

    private static final Stage STAGE1 = new Stage(1, "step01-single-queue");
    private static final Stage STAGE2 = new Stage(2, "step02-multi-worker");

    private List<WorkbookCheck.Fact> facts(Stage stage) {
        return new WorkbookCheck(layout, ExerciseCatalog.load(layout)).facts(stage);
    }

    private static List<WorkbookCheck.Fact> failures(List<WorkbookCheck.Fact> facts) {
        return facts.stream().filter(fact -> !fact.holds()).toList();
    }

    @Test
    void everyFactOfASoundWorkbookHolds() {
        Fixture.build(layout);

        List<WorkbookCheck.Fact> facts = Stream.of(STAGE1, STAGE2).flatMap(stage -> facts(stage).stream()).toList();

        assertThat(failures(facts)).isEmpty();
        assertThat(facts).extracting(WorkbookCheck.Fact::name).contains(
                "has exercises", "has tests", "Exercise 1.2 has a hint",
                "stub is what its solution makes: asyncqueues/step01/Adder.java",
                "the stubs made from the solutions compile",
                "passes against the solution: Exercise 1.2: negate > leavesZeroAlone()",
                "given code passes against the stubs: AdderTest > theCounterStartsAtOneInEveryRun()",
                "Exercise 1.1 fails against its stub with ExerciseNotDone(\"1.1\")",
                "Exercise 2.1 fails against its stub with ExerciseNotDone(\"2.1\")",
                "test tags name exercises of this stage");
    }

    @Test
    void aCarriedCopyThatDriftedFromItsSourceIsAFailingFactOfTheStageThatCarriesIt() {
        String source = "package asyncqueues.step01;\n\nfinal class Shared {}\n";
        SourceFiles.write(layout.solutionSources(STAGE1).resolve("asyncqueues/step01/Shared.java"), source);
        SourceFiles.write(layout.solutionSources(STAGE2).resolve("asyncqueues/step02/Shared.java"),
                "package asyncqueues.step02;\n\nfinal class Shared { /* edited here */ }\n");
        SourceFiles.write(layout.root().resolve(CarriedFiles.LIST), "step02-multi-worker Shared.java from step01-single-queue\n");

        List<WorkbookCheck.Fact> carried = facts(STAGE2).stream()
                .filter(fact -> fact.name().startsWith("carried over"))
                .toList();

        assertThat(carried).singleElement().satisfies(fact -> {
            assertThat(fact.name()).isEqualTo("carried over from step01-single-queue as its source makes it:"
                    + " solutions/step02-multi-worker/src/main/java/asyncqueues/step02/Shared.java");
            assertThat(fact.holds()).isFalse();
            assertThat(fact.problem()).contains("differs from what solutions/step01-single-queue/src/main/java/"
                    + "asyncqueues/step01/Shared.java makes");
        });
        assertThat(facts(STAGE1)).noneMatch(fact -> fact.name().startsWith("carried over"));
    }

    @Test
    void aFailingFactThrowsItsProblemWithItsCause() {
        IllegalStateException cause = new IllegalStateException("why");

        assertThatThrownBy(() -> WorkbookCheck.Fact.fails("the fact", "the problem", cause).verify("step09-x"))
                .isInstanceOf(AssertionError.class).hasMessage("step09-x > the fact:\nthe problem").hasCause(cause);
        WorkbookCheck.Fact.holds("the fact").verify("step09-x");
    }

    @Test
    void withoutMavensBuildTheCheckSaysToRunIt() {
        List<WorkbookCheck.Fact> facts = facts(STAGE1);

        assertThat(failures(facts)).singleElement().satisfies(fact -> {
            assertThat(fact.name()).isEqualTo("is compiled");
            assertThat(fact.problem()).contains("run 'mvn -P check verify' from the workbook's root",
                    "step01-single-queue/target/check/test-classes", "solutions/step01-single-queue/target/classes");
        });
    }

    @Test
    void aSolutionThatFailsATestIsReportedWithTheTestAndItsFailure() {
        Fixture.edit(layout.root().resolve("solutions/step01-single-queue/src/main/java/" + Fixture.ADDER),
                "int negated = -a;", "int negated = a;");
        Fixture.build(layout);

        List<WorkbookCheck.Fact> failures = failures(facts(STAGE1));

        assertThat(failures).extracting(WorkbookCheck.Fact::name).containsExactlyInAnyOrder(
                "passes against the solution: AdderTest > Exercises 1.1, 1.2: a number plus its negation is zero",
                "passes against the solution: Exercise 1.2: negate > negatesAPositiveNumber()");
        assertThat(failures).filteredOn(fact -> fact.name().contains("AdderTest")).singleElement().satisfies(fact -> {
            assertThat(fact.problem()).startsWith("against the solution, AdderTest > Exercises 1.1, 1.2: a number"
                    + " plus its negation is zero failed: ");
            assertThat(fact.cause()).hasMessageStartingWith("org.opentest4j.AssertionFailedError");
        });
    }

    @Test
    void driftAMissingHintAndAnUnlabelledExerciseAreReported() throws Exception {
        Path negateTest = layout.stageTestSources(STAGE1).resolve("asyncqueues/step01/NegateTest.java");
        Files.delete(negateTest);
        Path adderTest = layout.stageTestSources(STAGE1).resolve("asyncqueues/step01/AdderTest.java");
        Fixture.edit(adderTest, "Exercises 1.1, 1.2: a number", "Exercise 1.1: a number");
        Fixture.edit(adderTest, "    @Tag(\"exercise-1.2\")\n", "");
        Files.delete(layout.root().resolve("step01-single-queue/hints/1.2.md"));
        Fixture.edit(layout.stageSources(STAGE1).resolve(Fixture.ADDER), "/** Arithmetic", "/** Sums");
        Fixture.build(layout);

        List<WorkbookCheck.Fact> failures = failures(facts(STAGE1));

        assertThat(failures).extracting(WorkbookCheck.Fact::name).containsExactly(
                "Exercise 1.2 has a hint",
                "stub is what its solution makes: asyncqueues/step01/Adder.java",
                "Exercise 1.2 fails against its stub with ExerciseNotDone(\"1.2\")");
        assertThat(failures).extracting(WorkbookCheck.Fact::problem).containsExactly(
                "exercise 1.2 has no hint: write step01-single-queue/hints/1.2.md",
                Stubs.check(layout, STAGE1).getFirst().describe(),
                "no test is tagged with exercise 1.2: label and tag one with @DisplayName(\"Exercise 1.2: ...\")"
                        + " and @Tag(\"exercise-1.2\"), on the test or its class");
    }

    @Test
    void anExerciseWhoseStubPassesAGivenCodeTestFailsOrDoesNotFailItsOwnTestsIsReported() throws Exception {
        Path tests = layout.stageTestSources(STAGE1).resolve("asyncqueues/step01");
        Files.delete(tests.resolve("AdderTest.java"));
        SourceFiles.write(tests.resolve("NegateTest.java"), """
                package asyncqueues.step01;

                import static org.assertj.core.api.Assertions.assertThat;

                import org.junit.jupiter.api.DisplayName;
                import org.junit.jupiter.api.Tag;
                import org.junit.jupiter.api.Test;

                class NegateTest {

                    @Test
                    @DisplayName("Exercise 1.2: a test that never calls the exercise")
                    @Tag("exercise-1.2")
                    void passesAnyway() {
                        assertThat(1).isOne();
                    }

                    @Test
                    @DisplayName("Exercise 1.1: adds")
                    @Tag("exercise-1.1")
                    void adds() {
                        assertThat(Adder.add(1, 1)).isEqualTo(2);
                    }

                    @Test
                    @DisplayName("a test of given code that calls an exercise")
                    void callsAnExercise() {
                        assertThat(Adder.negate(1)).isEqualTo(-1);
                    }

                    @Test
                    @DisplayName("Exercise 1.9: a typo")
                    @Tag("exercise-1.9")
                    void typo() {
                    }

                    @Test
                    @DisplayName("Exercise 1.1 without a colon")
                    void malformed() {
                        assertThat(Adder.add(1, 1)).isEqualTo(2);
                    }
                }
                """);
        Fixture.build(layout);

        List<WorkbookCheck.Fact> failures = failures(facts(STAGE1));

        assertThat(failures.subList(0, 2)).extracting(WorkbookCheck.Fact::name).containsExactlyInAnyOrder(
                "given code passes against the stubs: NegateTest > a test of given code that calls an exercise",
                "given code passes against the stubs: NegateTest > Exercise 1.1 without a colon");
        assertThat(failures.subList(2, failures.size())).extracting(WorkbookCheck.Fact::name).containsExactly(
                "Exercise 1.2 fails against its stub with ExerciseNotDone(\"1.2\")",
                "test tags name exercises of this stage");
        assertThat(failures.get(2).problem()).contains("no test of exercise 1.2 fails with its own"
                + " ExerciseNotDone(\"1.2\")", "NegateTest > Exercise 1.2: a test that never calls the exercise passed");
        assertThat(failures.get(3).problem()).contains(
                "NegateTest > Exercise 1.9: a typo: is tagged with exercise 1.9, which step01-single-queue does not"
                        + " have (its exercises: 1.1, 1.2, 1.3)");
    }

    @Test
    void aStageWithoutExercisesOrTestsFails() throws Exception {
        Fixture.build(layout);
        Path stage3 = layout.root().resolve("step03-priority-queues");
        SourceFiles.write(stage3.resolve("pom.xml"), "<project/>");
        Files.createDirectories(stage3.resolve("target/check/test-classes"));
        Files.createDirectories(layout.root().resolve("solutions/step03-priority-queues/target/classes"));

        List<WorkbookCheck.Fact> failures = failures(facts(new Stage(3, "step03-priority-queues")));

        assertThat(failures).extracting(WorkbookCheck.Fact::name)
                .containsExactly("has exercises", "has tests", "tests are found");
    }

    @Test
    void aLearnersCodeInTheRegionsIsReportedAndLeftAloneAndTheStubsMadeFromTheSolutionsAreChecked() {
        Fixture.build(layout);
        ExerciseCatalog catalog = ExerciseCatalog.load(layout);
        Fixture.solve(layout, catalog.find(Fixture.ADD).orElseThrow());
        Path adder = layout.stageSources(STAGE1).resolve(Fixture.ADDER);
        Fixture.edit(adder, "throw new ExerciseNotDone(\"1.2\");", "return -a +; // half written, does not compile");
        String learnersFile = SourceFiles.read(adder);

        List<WorkbookCheck.Fact> facts = facts(STAGE1);

        assertThat(failures(facts)).isEmpty();
        assertThat(facts).extracting(WorkbookCheck.Fact::name).contains(
                "Exercise 1.1 in step01-single-queue/src/main/java/asyncqueues/step01/Adder.java:11 "
                        + WorkbookCheck.LEARNER_CODE,
                "Exercise 1.2 in step01-single-queue/src/main/java/asyncqueues/step01/Adder.java:17 "
                        + WorkbookCheck.LEARNER_CODE,
                "Exercise 1.1 fails against its stub with ExerciseNotDone(\"1.1\")",
                "Exercise 1.2 fails against its stub with ExerciseNotDone(\"1.2\")");
        assertThat(SourceFiles.read(adder)).isEqualTo(learnersFile);
    }

    @Test
    void aCheckOfTheRepositoryItselfFailsOnCodeInARegion() {
        Fixture.build(layout);
        ExerciseCatalog catalog = ExerciseCatalog.load(layout);
        Fixture.solve(layout, catalog.find(Fixture.ADD).orElseThrow());

        List<WorkbookCheck.Fact> failures = failures(new WorkbookCheck(layout, catalog, true).facts(STAGE1));

        assertThat(failures).singleElement().satisfies(fact -> {
            assertThat(fact.name()).startsWith("Exercise 1.1 in step01-single-queue/src/main/java/asyncqueues/step01/"
                    + "Adder.java:11 holds a learner's code");
            assertThat(fact.problem()).contains("every exercise region holds its stub", "./jbang reset 1.1 --force");
        });
    }
}
