package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StubsTest extends OnAFixtureCopy {

    private static final String SOLUTION = """
            class Adder {
                int add(int a, int b) {
                    // EXERCISE 1.1 BEGIN: add
                    int sum = a + b;
                    return sum;
                    // EXERCISE 1.1 END
                }

                Runnable task() {
                    return () -> {
                        \t// EXERCISE 1.2 BEGIN: a lambda, indented with a tab
                        \tSystem.out.println("hi");
                        \t// EXERCISE 1.2 END
                    };
                }
            }
            """;

    private static final String STUB = """
            class Adder {
                int add(int a, int b) {
                    // EXERCISE 1.1 BEGIN: add
                    throw new ExerciseNotDone("1.1");
                    // EXERCISE 1.1 END
                }

                Runnable task() {
                    return () -> {
                        \t// EXERCISE 1.2 BEGIN: a lambda, indented with a tab
                        \tthrow new ExerciseNotDone("1.2");
                        \t// EXERCISE 1.2 END
                    };
                }
            }
            """;

    private final Stage stage1 = new Stage(1, "step01-single-queue");

    private Path stubAdder() {
        return layout.stageSources(stage1).resolve(Fixture.ADDER);
    }

    @Test
    void aRegionsBodyBecomesOneThrowAtItsMarkersIndentation() {
        assertThat(Stubs.stubOf("Adder.java", SOLUTION)).isEqualTo(STUB);
    }

    @Test
    void everyByteOutsideTheRegionsIsKeptCrlfIncluded() {
        String solution = SOLUTION.replace("\n", "\r\n").replace("class Adder {\r\n", "class Adder {\n");
        String withoutLastNewline = solution.substring(0, solution.length() - 2);

        String stub = Stubs.stubOf("Adder.java", withoutLastNewline);

        String expected = STUB.replace("\n", "\r\n").replace("class Adder {\r\n", "class Adder {\n");
        assertThat(stub).isEqualTo(expected.substring(0, expected.length() - 2));
    }

    @Test
    void aFileWithoutRegionsIsItsOwnStub() {
        String text = "class Plain {\r\n  // an EXERCISES-free comment\r\n}";

        assertThat(Stubs.stubOf("Plain.java", text)).isEqualTo(text);
    }

    @Test
    void stubsMadeFromTheirStubsAreTheSame() {
        assertThat(Stubs.stubOf("Adder.java", STUB)).isEqualTo(STUB);
    }

    @Test
    void aSolutionWithDamagedMarkersMakesNoStub() {
        assertThatThrownBy(() -> Stubs.stubOf("Adder.java", "// EXERCISE 1.1 BEGIN: x\n"))
                .isInstanceOf(WorkbookException.class)
                .hasMessage("Adder.java:1: EXERCISE 1.1 BEGIN has no END");
    }

    @Test
    void theFixturesStubsAreWhatTheirSolutionsMake() {
        assertThat(Stubs.check(layout, ExerciseCatalog.load(layout))).isEmpty();
    }

    @Test
    void aChangeOutsideARegionIsReportedAsADiffWithFileAndLine() {
        Fixture.edit(stubAdder(), "    private Adder() {}", "    private Adder() { }");

        assertThat(Stubs.check(layout, stage1)).singleElement().satisfies(drift -> {
            assertThat(drift.file()).isEqualTo(Fixture.ADDER);
            assertThat(drift.describe())
                    .startsWith("step01-single-queue/src/main/java/asyncqueues/step01/Adder.java: differs from the"
                            + " stub that solutions/step01-single-queue/src/main/java/asyncqueues/step01/Adder.java"
                            + " makes, outside its exercise regions; the stubs are made from the solutions")
                    .contains("""
                            --- step01-single-queue/src/main/java/asyncqueues/step01/Adder.java (as the solution makes it)
                            +++ step01-single-queue/src/main/java/asyncqueues/step01/Adder.java (as it is)
                            @@ -5,7 +5,7 @@
                             /** Arithmetic with two exercises in it. */
                             public final class Adder {
                            \s
                            -    private Adder() {}
                            +    private Adder() { }
                            \s
                                 public static int add(int a, int b) {
                                     // EXERCISE 1.1 BEGIN: add two numbers""");
        });
    }

    @Test
    void aSolvedRegionIsNoDriftButTheLearnersCode() {
        Fixture.solve(layout, ExerciseCatalog.load(layout).find(Fixture.ADD).orElseThrow());

        Stubs.Comparison comparison = Stubs.compare(layout, stage1);

        assertThat(comparison.drifts()).isEmpty();
        assertThat(comparison.learnerRegions()).containsExactly(new Stubs.LearnerRegion(Fixture.ADD,
                "step01-single-queue/src/main/java/" + Fixture.ADDER, 11));
    }

    @Test
    void aChangeOutsideTheRegionsOfAFileWithSolvedRegionsIsDriftShownWithoutTheLearnersCode() {
        ExerciseCatalog catalog = ExerciseCatalog.load(layout);
        Fixture.solve(layout, catalog.find(Fixture.ADD).orElseThrow());
        Fixture.solve(layout, catalog.find(Fixture.NEGATE).orElseThrow());
        Fixture.edit(stubAdder(), "/** Arithmetic with two exercises in it. */", "/** Sums. */");

        Stubs.Comparison comparison = Stubs.compare(layout, stage1);

        assertThat(comparison.learnerRegions()).extracting(Stubs.LearnerRegion::exercise)
                .containsExactly(Fixture.ADD, Fixture.NEGATE);
        assertThat(comparison.drifts()).singleElement().satisfies(drift -> assertThat(drift.problem())
                .contains("outside its exercise regions")
                .contains("-/** Arithmetic with two exercises in it. */\n+/** Sums. */")
                .doesNotContain("return a + b;"));
    }

    @Test
    void damagedMarkersInALearnersFileAreDrift() {
        Fixture.edit(stubAdder(), "        // EXERCISE 1.1 END\n", "");

        assertThat(Stubs.check(layout, stage1)).singleElement().satisfies(drift -> assertThat(drift.problem())
                .contains("should hold exactly one pair of markers"));
    }

    @Test
    void missingAndExtraFilesAreReported() throws Exception {
        Files.delete(layout.stageSources(stage1).resolve("asyncqueues/step01/Counter.java"));
        SourceFiles.write(layout.stageSources(stage1).resolve("asyncqueues/step01/Extra.java"), "class Extra {}\n");

        assertThat(Stubs.check(layout, stage1)).extracting(Stubs.Drift::describe).containsExactly(
                "step01-single-queue/src/main/java/asyncqueues/step01/Counter.java: is missing; the stubs are made"
                        + " from the solutions: change the solution, then run './jbang stubs --write' to make the stub"
                        + " again (it keeps the code in exercise regions)",
                "step01-single-queue/src/main/java/asyncqueues/step01/Extra.java: is not in the solution"
                        + " (solutions/step01-single-queue/src/main/java/asyncqueues/step01/Extra.java does not"
                        + " exist); every file of a stage is made from its solution: add it there, or delete it here");
    }

    @Test
    void aFileThatDiffersOnlyInLineEndingsIsSaidToWithoutAWholeFileDiff() {
        SourceFiles.write(stubAdder(), SourceFiles.read(stubAdder()).replace("\n", "\r\n"));

        assertThat(Stubs.check(layout, stage1)).singleElement().satisfies(drift -> assertThat(drift.problem())
                .startsWith("differs from what solutions/step01-single-queue/src/main/java/asyncqueues/step01/"
                        + "Adder.java makes only in its line endings (LF expected, CRLF found)"));
    }

    @Test
    void aNonJavaFileMustBeACopy() {
        SourceFiles.write(layout.solutionSources(stage1).resolve("asyncqueues/step01/notes.txt"), "// EXERCISE 1.9\n");
        SourceFiles.write(layout.stageSources(stage1).resolve("asyncqueues/step01/notes.txt"), "changed\n");

        assertThat(Stubs.check(layout, stage1)).singleElement()
                .satisfies(drift -> assertThat(drift.file()).isEqualTo("asyncqueues/step01/notes.txt"));
    }

    @Test
    void aStubImportsOnlyWhatItsGivenCodeUses() {
        String solution = """
                package p;

                import a.Answer;
                import a.Given;
                import a.InAComment;
                import static a.Helpers.only;
                import b.*;
                import asyncqueues.workbook.ExerciseNotDone;

                /** Uses {@link InAComment}. */
                class C {
                    Given given() {
                        // EXERCISE 1.1 BEGIN: an answer
                        return new Answer(only());
                        // EXERCISE 1.1 END
                    }
                }
                """;

        assertThat(Stubs.stubOf("C.java", solution)).isEqualTo("""
                package p;

                import a.Given;
                import a.InAComment;
                import b.*;
                import asyncqueues.workbook.ExerciseNotDone;

                /** Uses {@link InAComment}. */
                class C {
                    Given given() {
                        // EXERCISE 1.1 BEGIN: an answer
                        throw new ExerciseNotDone("1.1");
                        // EXERCISE 1.1 END
                    }
                }
                """);
    }

    @Test
    void aStubWhoseImportsAllGoLosesTheirBlankLineToo() {
        String solution = "package p;\n\nimport a.Answer;\n\nclass C {\n    Object o() {\n"
                + "        // EXERCISE 1.1 BEGIN: an answer\n        return new Answer();\n"
                + "        // EXERCISE 1.1 END\n    }\n}\n";

        assertThat(Stubs.stubOf("C.java", solution)).startsWith("package p;\n\nclass C {\n");
    }

    @Test
    void theImportsALearnerAddsForAnAnswerAreNoDriftAndWriteKeepsThem() {
        ExerciseCatalog catalog = ExerciseCatalog.load(layout);
        Stage stage2 = new Stage(2, "step02-multi-worker");
        Path doubler = layout.stageSources(stage2).resolve("asyncqueues/step02/Doubler.java");
        assertThat(SourceFiles.read(doubler)).as("the stub, whose answer alone uses Numbers")
                .doesNotContain("import asyncqueues.task.Numbers;");
        Fixture.edit(doubler, "throw new ExerciseNotDone(\"2.1\");", "return Numbers.twice(value);");
        Fixture.edit(doubler, "import asyncqueues.workbook.ExerciseNotDone;\n",
                "import asyncqueues.workbook.ExerciseNotDone;\nimport asyncqueues.task.Numbers;\n");

        assertThat(Stubs.compare(layout, stage2).drifts()).isEmpty();
        assertThat(Stubs.compare(layout, stage2).learnerRegions()).singleElement()
                .satisfies(region -> assertThat(region.line()).as("the BEGIN marker's line, imports counted").isEqualTo(12));

        String theirs = SourceFiles.read(doubler);
        Stubs.Written written = Stubs.write(layout, catalog, false);

        assertThat(written.kept()).hasSize(1);
        assertThat(SourceFiles.read(doubler)).as("the learner's file, answer and imports as they were").isEqualTo(theirs);
        assertThat(Stubs.check(layout, catalog)).isEmpty();
    }

    @Test
    void aRewrittenFileKeepsTheLearnersImportBlockInItsOrder() {
        ExerciseCatalog catalog = ExerciseCatalog.load(layout);
        Stage stage2 = new Stage(2, "step02-multi-worker");
        Path doubler = layout.stageSources(stage2).resolve("asyncqueues/step02/Doubler.java");
        Fixture.edit(doubler, "throw new ExerciseNotDone(\"2.1\");", "return Numbers.twice(value);");
        Fixture.edit(doubler, "import asyncqueues.workbook.ExerciseNotDone;\n",
                "import asyncqueues.task.Numbers;\nimport asyncqueues.workbook.ExerciseNotDone;\n");
        Fixture.edit(doubler, "/** Doubling, with the foundation's help. */", "/** Doubling. */"); // a drift to repair

        Stubs.write(layout, catalog, false);

        assertThat(SourceFiles.read(doubler))
                .contains("import asyncqueues.task.Numbers;\nimport asyncqueues.workbook.ExerciseNotDone;\n")
                .contains("/** Doubling, with the foundation's help. */").contains("return Numbers.twice(value);");
        assertThat(Stubs.check(layout, catalog)).isEmpty();
    }

    @Test
    void writeMakesEveryStubAgainAndTouchesOnlyFilesThatChange() throws Exception {
        ExerciseCatalog catalog = ExerciseCatalog.load(layout);
        Path counter = layout.stageSources(stage1).resolve("asyncqueues/step01/Counter.java");
        Files.delete(counter);
        Fixture.edit(stubAdder(), "/** Arithmetic with two exercises in it. */", "/** Sums. */");
        Path doubler = layout.stageSources(new Stage(2, "step02-multi-worker")).resolve(Fixture.DOUBLER);
        byte[] doublerBefore = Files.readAllBytes(doubler);
        var doublerTime = Files.getLastModifiedTime(doubler);

        Stubs.Written written = Stubs.write(layout, catalog, false);

        assertThat(written.files()).containsExactly(
                "step01-single-queue/src/main/java/asyncqueues/step01/Adder.java",
                "step01-single-queue/src/main/java/asyncqueues/step01/Counter.java");
        assertThat(written.kept()).isEmpty();
        assertThat(Stubs.check(layout, catalog)).isEmpty();
        assertThat(Files.readString(stubAdder(), StandardCharsets.UTF_8)).contains("/** Arithmetic with two");
        assertThat(Files.readAllBytes(doubler)).isEqualTo(doublerBefore);
        assertThat(Files.getLastModifiedTime(doubler)).isEqualTo(doublerTime);
    }

    @Test
    void writeKeepsTheLearnersCodeInARegionUnlessForced() {
        ExerciseCatalog catalog = ExerciseCatalog.load(layout);
        Fixture.edit(stubAdder(), "throw new ExerciseNotDone(\"1.2\");", "return -a; // mine");
        Fixture.edit(stubAdder(), "/** Arithmetic with two exercises in it. */", "/** Sums. */");

        Stubs.Written kept = Stubs.write(layout, catalog, false);

        assertThat(kept.kept()).containsExactly(new Stubs.LearnerRegion(Fixture.NEGATE,
                "step01-single-queue/src/main/java/" + Fixture.ADDER, 17));
        assertThat(SourceFiles.read(stubAdder())).contains("return -a; // mine").contains("/** Arithmetic with two");
        assertThat(Stubs.check(layout, catalog)).isEmpty();

        Stubs.Written forced = Stubs.write(layout, catalog, true);

        assertThat(forced.files()).containsExactly("step01-single-queue/src/main/java/" + Fixture.ADDER);
        assertThat(SourceFiles.read(stubAdder())).doesNotContain("// mine")
                .contains("throw new ExerciseNotDone(\"1.2\");");
    }

    @Test
    void writeLeavesAFileWithDamagedMarkersAloneUnlessForced() {
        ExerciseCatalog catalog = ExerciseCatalog.load(layout);
        Fixture.edit(stubAdder(), "        // EXERCISE 1.1 END\n", "        return a + b; // mine\n");
        String damaged = SourceFiles.read(stubAdder());

        Stubs.Written written = Stubs.write(layout, catalog, false);

        assertThat(written.files()).isEmpty();
        assertThat(written.refused()).singleElement().satisfies(drift -> assertThat(drift.describe())
                .contains("Adder.java").contains("not written (--force"));
        assertThat(SourceFiles.read(stubAdder())).isEqualTo(damaged);

        Stubs.write(layout, catalog, true);

        assertThat(Stubs.check(layout, catalog)).isEmpty();
    }
}
