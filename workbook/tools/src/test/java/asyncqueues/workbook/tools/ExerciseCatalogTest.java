package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExerciseCatalogTest extends OnAFixtureCopy {

    private static final String SOLUTION_ADDER = "solutions/step01-single-queue/src/main/java/" + Fixture.ADDER;

    private void writeSolutionAdder(String text) {
        SourceFiles.write(layout.root().resolve(SOLUTION_ADDER), text);
    }

    @Test
    void findsEveryExerciseOfEveryStageInTheSolutions() {
        ExerciseCatalog catalog = ExerciseCatalog.load(layout);

        assertThat(catalog.stages()).containsExactly(
                new Stage(1, "step01-single-queue"), new Stage(2, "step02-multi-worker"));
        assertThat(catalog.exercises()).containsExactly(
                new Exercise(Fixture.ADD, "add two numbers", new Stage(1, "step01-single-queue"), Fixture.ADDER, 11),
                new Exercise(Fixture.NEGATE, "negate a number", new Stage(1, "step01-single-queue"), Fixture.ADDER, 17),
                new Exercise(Fixture.SUBTRACT, "subtract one number from another", new Stage(1, "step01-single-queue"),
                        Fixture.ADDER, 24),
                new Exercise(Fixture.DOUBLE, "double with the foundation", new Stage(2, "step02-multi-worker"),
                        Fixture.DOUBLER, 12));
        assertThat(catalog.numbers()).isEqualTo("1.1, 1.2, 1.3, 2.1");
    }

    @Test
    void anExerciseKnowsItsLearnerFileAndItsHint() {
        Exercise negate = ExerciseCatalog.load(layout).find(Fixture.NEGATE).orElseThrow();

        assertThat(negate.learnerFile()).isEqualTo("step01-single-queue/src/main/java/asyncqueues/step01/Adder.java");
        assertThat(negate.hintFile()).isEqualTo("step01-single-queue/hints/1.2.md");
        assertThat(layout.hintFile(negate)).exists();
    }

    @Test
    void aStageWithoutSolutionsHasNoExercisesButIsStillAStage() {
        SourceFiles.write(layout.root().resolve("step03-empty/pom.xml"), "<project/>");

        ExerciseCatalog catalog = ExerciseCatalog.load(layout);

        assertThat(catalog.stages()).extracting(Stage::module).endsWith("step03-empty");
        assertThat(catalog.exercisesOf(catalog.stage(3).orElseThrow())).isEmpty();
    }

    @Test
    void aBeginWithoutEndIsReportedWithFileAndLine() {
        writeSolutionAdder("class Adder {\n    // EXERCISE 1.1 BEGIN: add\n    int x;\n}\n");

        assertThatThrownBy(() -> ExerciseCatalog.load(layout))
                .isInstanceOf(WorkbookException.class)
                .hasMessageContaining(SOLUTION_ADDER + ":2: EXERCISE 1.1 BEGIN has no END");
    }

    @Test
    void anEndWithoutBeginIsReported() {
        writeSolutionAdder("class Adder {\n    int x;\n    // EXERCISE 1.1 END\n}\n");

        assertThatThrownBy(() -> ExerciseCatalog.load(layout))
                .hasMessageContaining(SOLUTION_ADDER + ":3: EXERCISE 1.1 END has no BEGIN before it");
    }

    @Test
    void nestedRegionsAreReported() {
        writeSolutionAdder("""
                class Adder {
                    // EXERCISE 1.1 BEGIN: outer
                    // EXERCISE 1.2 BEGIN: inner
                    int x;
                    // EXERCISE 1.2 END
                    // EXERCISE 1.1 END
                }
                """);

        assertThatThrownBy(() -> ExerciseCatalog.load(layout))
                .hasMessageContaining(SOLUTION_ADDER + ":3: EXERCISE 1.2 BEGIN is inside the region of exercise 1.1"
                        + " (opened at line 2): regions do not nest");
    }

    @Test
    void anEndOfAnotherExerciseIsReported() {
        writeSolutionAdder("class Adder {\n    // EXERCISE 1.1 BEGIN: add\n    int x;\n    // EXERCISE 1.2 END\n}\n");

        assertThatThrownBy(() -> ExerciseCatalog.load(layout))
                .hasMessageContaining(SOLUTION_ADDER + ":4: EXERCISE 1.2 END does not match the open region of"
                        + " exercise 1.1 (opened at line 2)");
    }

    @Test
    void anExerciseMarkedTwiceInOneFileIsReported() {
        writeSolutionAdder("""
                class Adder {
                    // EXERCISE 1.1 BEGIN: add
                    int x;
                    // EXERCISE 1.1 END
                    // EXERCISE 1.1 BEGIN: add again
                    int y;
                    // EXERCISE 1.1 END
                }
                """);

        assertThatThrownBy(() -> ExerciseCatalog.load(layout))
                .hasMessageContaining(SOLUTION_ADDER + ":5: exercise 1.1 has a second region here (its first is at line 2)");
    }

    @Test
    void anExerciseMarkedInTwoFilesIsReportedWithBothPlaces() {
        SourceFiles.write(layout.root().resolve("solutions/step01-single-queue/src/main/java/asyncqueues/step01/Other.java"),
                "class Other {\n    void f() {\n        // EXERCISE 1.2 BEGIN: again\n        g();\n        // EXERCISE 1.2 END\n    }\n}\n");

        assertThatThrownBy(() -> ExerciseCatalog.load(layout))
                .hasMessageContaining("exercise 1.2 is marked 2 times: " + SOLUTION_ADDER + ":17, "
                        + "solutions/step01-single-queue/src/main/java/asyncqueues/step01/Other.java:3");
    }

    @Test
    void aNumberOfAnotherStageIsReported() {
        Fixture.edit(layout.root().resolve(SOLUTION_ADDER), "EXERCISE 1.2 BEGIN", "EXERCISE 2.2 BEGIN");
        Fixture.edit(layout.root().resolve(SOLUTION_ADDER), "EXERCISE 1.2 END", "EXERCISE 2.2 END");

        assertThatThrownBy(() -> ExerciseCatalog.load(layout))
                .hasMessageContaining(SOLUTION_ADDER + ":17: exercise 2.2 is in step01-single-queue, whose exercises"
                        + " are numbered 1.N");
    }

    @Test
    void aMalformedMarkerIsReportedRatherThanIgnored() {
        Fixture.edit(layout.root().resolve(SOLUTION_ADDER), "// EXERCISE 1.1 BEGIN: add two numbers",
                "// EXERCISE 1.1 BEGIN add two numbers");

        assertThatThrownBy(() -> ExerciseCatalog.load(layout))
                .hasMessageContaining(SOLUTION_ADDER + ":11: malformed exercise marker"
                        + " '// EXERCISE 1.1 BEGIN add two numbers'")
                .hasMessageContaining(SOLUTION_ADDER + ":13: EXERCISE 1.1 END has no BEGIN before it");
    }

    @Test
    void aMarkerAfterCodeOnItsLineIsMalformed() {
        Fixture.edit(layout.root().resolve(SOLUTION_ADDER), "        return a + b;\n        // EXERCISE 1.1 END",
                "        return a + b; // EXERCISE 1.1 END");

        assertThatThrownBy(() -> ExerciseCatalog.load(layout))
                .hasMessageContaining(SOLUTION_ADDER + ":12: malformed exercise marker");
    }

    @Test
    void anEmptySolutionRegionIsReported() {
        Fixture.edit(layout.root().resolve(SOLUTION_ADDER), "        return a + b;\n", "\n");

        assertThatThrownBy(() -> ExerciseCatalog.load(layout))
                .hasMessageContaining(SOLUTION_ADDER + ":11: the region of exercise 1.1 is empty");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        writeSolutionAdder("// EXERCISE 1.1 END\n// EXERCISE 1.2 BEGIN: x\n");

        assertThatThrownBy(() -> ExerciseCatalog.load(layout))
                .hasMessageContaining(":1: EXERCISE 1.1 END has no BEGIN")
                .hasMessageContaining(":2: EXERCISE 1.2 BEGIN has no END");
    }
}
