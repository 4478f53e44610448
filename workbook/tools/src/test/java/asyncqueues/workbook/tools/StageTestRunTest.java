package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.workbook.tools.TestOutcome.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class StageTestRunTest {

    private static final Stage STAGE1 = new Stage(1, "step01-single-queue");
    private static final Stage STAGE2 = new Stage(2, "step02-multi-worker");

    @TempDir
    static Path dir;

    private static WorkbookLayout layout;

    @BeforeAll
    static void buildFixture() {
        layout = Fixture.copyTo(dir);
        Fixture.build(layout);
    }

    private static StageTestResults run(Stage stage, Path mainClasses) {
        return new StageTestRun(layout.testClasses(stage), mainClasses, layout.foundationClasses()).run();
    }

    private static Map<String, Status> statuses(StageTestResults results) {
        return results.outcomes().stream().collect(Collectors.toMap(TestOutcome::displayName, TestOutcome::status));
    }

    @Test
    void againstTheSolutionEveryTestPasses() {
        StageTestResults results = run(STAGE1, layout.solutionClasses(STAGE1));

        assertThat(results.completed()).isTrue();
        assertThat(results.incompleteness()).isEmpty();
        assertThat(statuses(results)).containsOnly(
                Map.entry("AdderTest > theCounterStartsAtOneInEveryRun()", Status.SUCCESSFUL),
                Map.entry("AdderTest > Exercise 1.1: add adds", Status.SUCCESSFUL),
                Map.entry("AdderTest > Exercises 1.1, 1.2: a number plus its negation is zero", Status.SUCCESSFUL),
                Map.entry("Exercise 1.2: negate > negatesAPositiveNumber()", Status.SUCCESSFUL),
                Map.entry("Exercise 1.2: negate > leavesZeroAlone()", Status.SUCCESSFUL),
                Map.entry("SubtractTest > Exercise 1.3: subtract takes the second number from the first",
                        Status.SUCCESSFUL));
    }

    @Test
    void againstTheStubsExerciseTestsFailWithTheirExerciseNotDone() {
        StageTestResults results = run(STAGE1, layout.stubClasses(STAGE1));

        assertThat(results.unlabelled()).singleElement().satisfies(given -> {
            assertThat(given.displayPath()).containsExactly("AdderTest", "theCounterStartsAtOneInEveryRun()");
            assertThat(given.passed()).isTrue();
        });
        assertThat(results.labelledWith(Fixture.ADD)).extracting(TestOutcome::displayName).containsExactly(
                "AdderTest > Exercise 1.1: add adds", "AdderTest > Exercises 1.1, 1.2: a number plus its negation is zero");
        assertThat(results.labelledWith(Fixture.ADD).getFirst()).satisfies(test -> {
            assertThat(test.status()).isEqualTo(Status.FAILED);
            assertThat(test.failure().type()).isEqualTo("asyncqueues.workbook.ExerciseNotDone");
            assertThat(test.exercisesNotDone()).containsExactly("1.1");
            assertThat(test.failedWithExerciseNotDone(Fixture.ADD)).isTrue();
            assertThat(test.failedWithExerciseNotDone(Fixture.NEGATE)).isFalse();
        });
        assertThat(results.labelledWith(Fixture.NEGATE)).hasSize(3)
                .allSatisfy(test -> assertThat(test.failedWithExerciseNotDone(Fixture.NEGATE)).isTrue());
    }

    @Test
    void theStageClassesOfOneRunAreNotSeenByTheNext() {
        // Counter.next() must return 1 in every run: a class shared between runs would count on.
        for (Path mainClasses : List.of(layout.stubClasses(STAGE1), layout.solutionClasses(STAGE1),
                layout.stubClasses(STAGE1), layout.solutionClasses(STAGE1))) {
            StageTestResults results = run(STAGE1, mainClasses);

            assertThat(results.unlabelled()).singleElement().satisfies(test -> assertThat(test.passed())
                    .as("%s against %s", test.summary(), mainClasses).isTrue());
            boolean solution = mainClasses.equals(layout.solutionClasses(STAGE1));
            assertThat(results.labelledWith(Fixture.ADD)).allSatisfy(test -> assertThat(test.passed())
                    .as("%s against %s", test.summary(), mainClasses).isEqualTo(solution));
        }
    }

    @Test
    void theTestsOfAFailedContainerDidNotRunAndCarryItsFailure() {
        StageTestResults results = run(STAGE2, layout.stubClasses(STAGE2));

        assertThat(results.outcomes()).hasSize(3);
        assertThat(results.outcomes()).filteredOn(TestOutcome::container).singleElement().satisfies(container -> {
            assertThat(container.displayPath()).containsExactly("Exercise 2.1: Doubler");
            assertThat(container.status()).isEqualTo(Status.FAILED);
            assertThat(container.failedWithExerciseNotDone(Fixture.DOUBLE)).isTrue();
        });
        assertThat(results.tests()).hasSize(2).allSatisfy(test -> {
            assertThat(test.status()).isEqualTo(Status.NOT_RUN);
            assertThat(test.exercises()).containsExactly(Fixture.DOUBLE);
            assertThat(test.failedWithExerciseNotDone(Fixture.DOUBLE)).isTrue();
        });
    }

    @Test
    void aRunThatOutlastsItsDeadlineIsReportedIncompleteWithWhatFinished(@TempDir Path hang) {
        Path sources = hang.resolve("src");
        SourceFiles.write(sources.resolve("hang/HangTest.java"), """
                package hang;

                import java.util.concurrent.locks.LockSupport;
                import org.junit.jupiter.api.MethodOrderer;
                import org.junit.jupiter.api.Order;
                import org.junit.jupiter.api.Test;
                import org.junit.jupiter.api.TestMethodOrder;

                @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
                class HangTest {
                    @Test @Order(1) void finishes() {}
                    @Test @Order(2) void hangs() { for (;;) { LockSupport.park(); } }
                }
                """);
        compileAll(hang);

        StageTestResults results = new StageTestRun(hang.resolve("classes"), hang.resolve("src"), List.of())
                .run(Duration.ofSeconds(4)); // ample for the first test, even on a loaded machine

        assertThat(results.completed()).isFalse();
        assertThat(results.incompleteness()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("did not finish within 4 s").contains("still running: HangTest > hangs()"));
        assertThat(statuses(results)).containsOnly(
                Map.entry("HangTest > finishes()", Status.SUCCESSFUL),
                Map.entry("HangTest > hangs()", Status.STOPPED));
    }

    @Test
    void aTestThatHangsPastItsTimeoutIgnoringInterruptsFailsAndTheRunGoesOn(@TempDir Path hang) {
        Path sources = hang.resolve("src");
        SourceFiles.write(sources.resolve("hang/StuckTest.java"), """
                package hang;

                import java.util.concurrent.locks.LockSupport;
                import org.junit.jupiter.api.MethodOrderer;
                import org.junit.jupiter.api.Order;
                import org.junit.jupiter.api.Test;
                import org.junit.jupiter.api.TestMethodOrder;
                import org.junit.jupiter.api.Timeout;

                @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
                class StuckTest {
                    @Test @Order(1) @Timeout(1)
                    void ignoresInterrupts() {
                        for (;;) {
                            LockSupport.park();
                            Thread.interrupted();
                        }
                    }

                    @Test @Order(2) void runsAfterwards() {}
                }
                """);
        compileAll(hang);

        StageTestResults results = new StageTestRun(hang.resolve("classes"), sources, List.of()).run();

        assertThat(results.completed()).isTrue();
        assertThat(statuses(results)).containsOnly(
                Map.entry("StuckTest > ignoresInterrupts()", Status.FAILED),
                Map.entry("StuckTest > runsAfterwards()", Status.SUCCESSFUL));
        assertThat(results.tests().getFirst().failure().message()).contains("timed out after 1 second");
        assertThat(results.tests().getFirst().failure().timedOut()).isTrue();
    }

    @Test
    void aTestThatEndsTheJvmIsReportedAndTheCallerLivesOn(@TempDir Path other) {
        StageTestResults results = runSource(other, "exits/ExitTest.java", """
                package exits;

                class ExitTest {
                    @org.junit.jupiter.api.Test
                    void exits() { System.exit(7); }
                }
                """);

        assertThat(results.incompleteness()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("exit status 7").contains("while ExitTest > exits() ran").contains("System.exit"));
        assertThat(statuses(results)).containsOnly(Map.entry("ExitTest > exits()", Status.STOPPED));
    }

    @Test
    void aTestThatFillsTheHeapIsReportedAsSuch(@TempDir Path other) {
        StageTestResults results = runSource(other, "heap/FillTest.java", """
                package heap;

                class FillTest {
                    static final java.util.List<long[]> KEPT = new java.util.ArrayList<>();

                    @org.junit.jupiter.api.Test
                    void fills() { for (;;) { KEPT.add(new long[1 << 20]); } }
                }
                """);

        assertThat(results.incompleteness()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("while FillTest > fills() ran").contains("its heap (" + StageTestRun.HEAP + ") was full"));
    }

    @Test
    void aRunOfSomeTagsRunsOnlyTheTestsThatCarryOne() {
        StageTestResults results = new StageTestRun(layout.testClasses(STAGE1), layout.solutionClasses(STAGE1),
                layout.foundationClasses()).onlyTagged(List.of("exercise-1.2")).run();

        assertThat(statuses(results)).containsOnlyKeys(
                "AdderTest > Exercises 1.1, 1.2: a number plus its negation is zero",
                "Exercise 1.2: negate > negatesAPositiveNumber()",
                "Exercise 1.2: negate > leavesZeroAlone()");
    }

    @Test
    void theConsoleOfTheRunGoesToTheFileAskedFor(@TempDir Path other) {
        Path console = other.resolve("out/console.txt");
        compile(other, "talk/TalkTest.java", """
                package talk;

                class TalkTest {
                    @org.junit.jupiter.api.Test
                    void talks() { System.out.println("runnable accepted"); }
                }
                """);

        new StageTestRun(other.resolve("classes"), other.resolve("src"), List.of()).withOutput(console).run();

        assertThat(console).content().contains("runnable accepted");
    }

    private static StageTestResults runSource(Path dir, String file, String source) {
        compile(dir, file, source);
        return new StageTestRun(dir.resolve("classes"), dir.resolve("src"), List.of()).run(Duration.ofSeconds(60));
    }

    private static void compile(Path dir, String file, String source) {
        SourceFiles.write(dir.resolve("src").resolve(file), source);
        compileAll(dir);
    }

    /** Compiles the sources under {@code dir/src} into {@code dir/classes}, and fails on any error. */
    private static void compileAll(Path dir) {
        try (SourceCompiler compiler = new SourceCompiler()) {
            assertThat(compiler.compile(List.of(dir.resolve("src")), ToolClassPath.entries(), dir.resolve("classes"))
                    .errors()).isEmpty();
        }
    }

    @Test
    void systemPropertiesSetByATestDoNotOutliveItsRun(@TempDir Path other) {
        Path sources = other.resolve("src");
        SourceFiles.write(sources.resolve("props/PropertyTest.java"), """
                package props;

                class PropertyTest {
                    @org.junit.jupiter.api.Test
                    void setsProperties() {
                        System.setProperty("workbook.tools.added", "by a stage");
                        System.setProperty("workbook.tools.changed", "by a stage");
                    }
                }
                """);
        compileAll(other);
        System.setProperty("workbook.tools.changed", "before the run");
        try {
            StageTestResults results = new StageTestRun(other.resolve("classes"), sources, List.of()).run();

            assertThat(results.tests()).singleElement().satisfies(test -> assertThat(test.passed()).isTrue());
            assertThat(System.getProperty("workbook.tools.added")).isNull();
            assertThat(System.getProperty("workbook.tools.changed")).isEqualTo("before the run");
        } finally {
            System.clearProperty("workbook.tools.changed");
        }
    }

    @Test
    void aMissingClassDirectoryIsNamed() {
        Path missing = dir.resolve("no-such-classes");

        assertThatThrownBy(() -> new StageTestRun(layout.testClasses(STAGE1), missing, List.of()))
                .isInstanceOf(WorkbookException.class)
                .hasMessage("no such class directory: " + missing);
    }

    @Test
    void onlyClassesNamedAsSurefireNamesTestsAreRun(@TempDir Path other) {
        Path sources = other.resolve("src");
        for (String name : List.of("CheckTest", "CheckTests", "TestCheck", "CheckTestCase", "CheckSpec")) {
            SourceFiles.write(sources.resolve("names/" + name + ".java"), "package names;\n"
                    + "class " + name + " { @org.junit.jupiter.api.Test void runs() {} }\n");
        }
        compileAll(other);

        StageTestResults results = new StageTestRun(other.resolve("classes"), sources, List.of()).run();

        assertThat(results.tests()).extracting(test -> test.displayPath().getFirst())
                .containsExactlyInAnyOrderElementsOf(Set.of("CheckTest", "CheckTests", "TestCheck", "CheckTestCase"));
    }
}
