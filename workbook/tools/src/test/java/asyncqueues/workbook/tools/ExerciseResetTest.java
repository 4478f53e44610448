package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExerciseResetTest extends OnAFixtureCopy {

    private ExerciseCatalog catalog;
    private ExerciseReset reset;
    private Path adder;

    @BeforeEach
    void loadTheCatalog() {
        catalog = ExerciseCatalog.load(layout);
        reset = new ExerciseReset(layout, catalog);
        adder = layout.stageSources(new Stage(1, "step01-single-queue")).resolve(Fixture.ADDER);
    }

    private String stub() {
        return Stubs.stubOf("Adder.java", SourceFiles.read(
                layout.solutionSources(new Stage(1, "step01-single-queue")).resolve(Fixture.ADDER)));
    }

    @Test
    void aRegionThatIsStillTheStubIsLeftAlone() throws Exception {
        var modified = Files.getLastModifiedTime(adder);

        assertThat(reset.reset(Fixture.ADD, false)).isEqualTo(new ExerciseReset.Outcome.AlreadyStub(adder));
        assertThat(Files.getLastModifiedTime(adder)).isEqualTo(modified);
    }

    @Test
    void aRegionWithTheLearnersCodeIsNotResetWithoutForceAndTheCodeIsShown() {
        Fixture.edit(adder, "throw new ExerciseNotDone(\"1.1\");", "int sum = a + b;\n        return sum;");
        String learners = SourceFiles.read(adder);

        ExerciseReset.Outcome outcome = reset.reset(Fixture.ADD, false);

        assertThat(outcome).isEqualTo(new ExerciseReset.Outcome.Refused(adder, 12,
                "   12 |         int sum = a + b;\n   13 |         return sum;"));
        assertThat(SourceFiles.read(adder)).isEqualTo(learners);
    }

    @Test
    void forceResetsOnlyThatRegionAndKeepsEveryOtherByte() {
        Fixture.edit(adder, "throw new ExerciseNotDone(\"1.1\");", "return a + b;");
        Fixture.edit(adder, "throw new ExerciseNotDone(\"1.2\");", "return -a;");
        String withBoth = SourceFiles.read(adder);

        ExerciseReset.Outcome outcome = reset.reset(Fixture.NEGATE, true);

        assertThat(outcome).isEqualTo(new ExerciseReset.Outcome.Reset(adder, 18, "   18 |         return -a;"));
        assertThat(SourceFiles.read(adder))
                .isEqualTo(withBoth.replace("return -a;", "throw new ExerciseNotDone(\"1.2\");"))
                .contains("return a + b;");
        assertThat(reset.reset(Fixture.NEGATE, false)).isInstanceOf(ExerciseReset.Outcome.AlreadyStub.class);
    }

    @Test
    void aResetKeepsTheLearnersCrlfLineEndings() {
        SourceFiles.write(adder, stub().replace("\n", "\r\n").replace("throw new ExerciseNotDone(\"1.1\");",
                "int sum = a + b;\r\n        return sum;"));

        reset.reset(Fixture.ADD, true);

        assertThat(SourceFiles.read(adder)).isEqualTo(stub().replace("\n", "\r\n"));
    }

    @Test
    void aResetAfterALearnerBrokeAnotherRegionStillWorks() {
        Fixture.edit(adder, "        // EXERCISE 1.2 END\n", "");
        Fixture.edit(adder, "throw new ExerciseNotDone(\"1.1\");", "return 0;");

        reset.reset(Fixture.ADD, true);

        assertThat(SourceFiles.read(adder)).contains("throw new ExerciseNotDone(\"1.1\");")
                .doesNotContain("EXERCISE 1.2 END");
    }

    @Test
    void missingMarkersAreSaidToBeMissing() {
        Fixture.edit(adder, "        // EXERCISE 1.1 BEGIN: add two numbers\n", "");

        assertThatThrownBy(() -> reset.reset(Fixture.ADD, true))
                .isInstanceOf(WorkbookException.class)
                .hasMessage("step01-single-queue/src/main/java/asyncqueues/step01/Adder.java should hold exactly one"
                        + " pair of markers '// EXERCISE 1.1 BEGIN: ...' and '// EXERCISE 1.1 END', but has 0 BEGIN"
                        + " and 1 END (line 12) marker(s); put the markers back around the exercise's code");
    }

    @Test
    void markersInTheWrongOrderAreReported() {
        Fixture.edit(adder, "        // EXERCISE 1.1 BEGIN: add two numbers\n", "");
        Fixture.edit(adder, "        // EXERCISE 1.2 END\n", "        // EXERCISE 1.2 END\n"
                + "        // EXERCISE 1.1 BEGIN: add two numbers\n");

        assertThatThrownBy(() -> reset.reset(Fixture.ADD, true))
                .hasMessageContaining("Adder.java:12: the END marker of exercise 1.1 comes before its BEGIN marker");
    }

    @Test
    void aMissingFileIsSaidToBeMissing() throws Exception {
        Files.delete(adder);

        assertThatThrownBy(() -> reset.reset(Fixture.ADD, true))
                .isInstanceOf(WorkbookException.class)
                .hasMessageStartingWith("step01-single-queue/src/main/java/asyncqueues/step01/Adder.java does not exist");
    }

    @Test
    void anUnknownExerciseIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> reset.reset(ExerciseNumber.parse("1.9"), true))
                .hasMessage("there is no exercise 1.9; the exercises are 1.1, 1.2, 1.3, 2.1");
    }
}
