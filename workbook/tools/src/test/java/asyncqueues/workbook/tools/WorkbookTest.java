package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line, on the fixture workbook (progress has {@link ProgressTest}). */
class WorkbookTest extends OnAFixtureCopy {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path workingDirectory, String... args) {
        return Workbook.run(workingDirectory, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private int run(String... args) {
        return run(layout.root(), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isEqualTo(Workbook.OK);
        assertThat(out()).contains("hint S.N", "progress", "reset S.N [--force]", "stubs --check", "stubs --write",
                "--root DIR");
    }

    @Test
    void noArgumentsIsAUsageErrorThatShowsTheUsage() {
        assertThat(run()).isEqualTo(Workbook.USAGE);
        assertThat(err()).isEqualTo(Workbook.usage());
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        assertThat(run("hints", "1.1")).isEqualTo(Workbook.USAGE);
        assertThat(run("hint", "1.1", "--loud")).isEqualTo(Workbook.USAGE);
        assertThat(run("hint", "1.1", "--force")).isEqualTo(Workbook.USAGE);
        assertThat(run("stubs")).isEqualTo(Workbook.USAGE);
        assertThat(run("stubs", "--check", "--write")).isEqualTo(Workbook.USAGE);
        assertThat(run("progress", "now")).isEqualTo(Workbook.USAGE);
        assertThat(err()).contains("workbook: unknown command 'hints'", "workbook: unknown option --loud",
                "--force belongs to reset and stubs --write only", "stubs takes one of --check or --write",
                "progress takes no operand; got now", "Run with --help");
        assertThat(out()).isEmpty();
    }

    @Test
    void hintShowsTheExerciseTheFileToEditAndTheHint() {
        assertThat(run("hint", "1.2")).isEqualTo(Workbook.OK);
        assertThat(out()).isEqualTo("""
                Exercise 1.2: negate a number
                Stage: step01-single-queue
                Edit:  step01-single-queue/src/main/java/asyncqueues/step01/Adder.java, between the EXERCISE 1.2 markers
                Tests: mvn test -pl step01-single-queue -Dgroups=exercise-1.2   (or, on each save: ./jbang watch 1.2)

                Think of subtracting from zero.

                Or of the unary minus.
                """);
    }

    @Test
    void hintOfAnUnknownExerciseListsTheExercises() {
        assertThat(run("hint", "1.9")).isEqualTo(Workbook.USAGE);
        assertThat(err()).contains("there is no exercise 1.9; the exercises are 1.1, 1.2, 1.3, 2.1");
    }

    @Test
    void hintOfSomethingThatIsNotANumberSaysSo() {
        assertThat(run("hint", "one")).isEqualTo(Workbook.USAGE);
        assertThat(err()).contains("an exercise number has the form S.N (stage.number), e.g. 1.3; got 'one'");
        assertThat(run("hint")).isEqualTo(Workbook.USAGE);
        assertThat(err()).contains("hint takes one exercise number, e.g. 'hint 1.3'");
    }

    @Test
    void aMissingHintIsAFailureThatNamesTheFile() throws Exception {
        Files.delete(layout.root().resolve("step02-multi-worker/hints/2.1.md"));

        assertThat(run("hint", "2.1")).isEqualTo(Workbook.FAILED);
        assertThat(err()).contains("exercise 2.1 has no hint yet: step02-multi-worker/hints/2.1.md does not exist");
    }

    @Test
    void theWorkbookIsFoundFromASubdirectoryOrNamedWithRoot() {
        assertThat(run(layout.root().resolve("step01-single-queue/src"), "hint", "1.1")).isEqualTo(Workbook.OK);
        assertThat(run(dir, "--root", "workbook", "hint", "2.1")).isEqualTo(Workbook.OK);
        assertThat(run(dir, "hint", "2.1", "--root=workbook")).isEqualTo(Workbook.OK);
        assertThat(out()).contains("Exercise 1.1: add two numbers", "Exercise 2.1: double with the foundation");
    }

    @Test
    void aDirectoryOutsideAnyWorkbookIsAFailure() {
        assertThat(run(dir, "hint", "1.1")).isEqualTo(Workbook.FAILED);
        assertThat(err()).contains("no workbook found at or above " + dir.toAbsolutePath());
        assertThat(run(dir, "--root", ".", "hint", "1.1")).isEqualTo(Workbook.FAILED);
        assertThat(err()).contains("is not the root of the workbook");
    }

    @Test
    void resetRefusesToLoseWorkUnlessForced() {
        Path adder = layout.root().resolve("step01-single-queue/src/main/java/" + Fixture.ADDER);
        Fixture.edit(adder, "throw new ExerciseNotDone(\"1.1\");", "return a + b;");

        assertThat(run("reset", "1.1")).isEqualTo(Workbook.FAILED);
        assertThat(err()).contains("Exercise 1.1 in step01-single-queue/src/main/java/asyncqueues/step01/Adder.java"
                        + " holds code of yours, from line 12; a reset would lose it:",
                "   12 |         return a + b;", "Nothing was changed. To reset it anyway: ./jbang reset 1.1 --force");
        assertThat(SourceFiles.read(adder)).contains("return a + b;");

        assertThat(run("reset", "1.1", "--force")).isEqualTo(Workbook.OK);
        assertThat(out()).contains("is the stub again", "   12 |         return a + b;");
        assertThat(SourceFiles.read(adder)).contains("throw new ExerciseNotDone(\"1.1\");");

        assertThat(run("reset", "1.1")).isEqualTo(Workbook.OK);
        assertThat(out()).contains("is already the stub; nothing to reset.");
    }

    @Test
    void resetOfAnUnknownExerciseIsAUsageError() {
        assertThat(run("reset", "3.1", "--force")).isEqualTo(Workbook.USAGE);
        assertThat(err()).contains("there is no exercise 3.1; the exercises are 1.1, 1.2, 1.3, 2.1");
    }

    @Test
    void stubsCheckPassesOnSoundStubsAndShowsDriftOtherwise() {
        assertThat(run("stubs", "--check")).isEqualTo(Workbook.OK);
        assertThat(out()).contains("Every stub file of 2 stage(s) is what its solution makes");

        Fixture.edit(layout.root().resolve("step02-multi-worker/src/main/java/" + Fixture.DOUBLER),
                "Doubling, with", "Doubling with");

        assertThat(run("stubs", "--check")).isEqualTo(Workbook.FAILED);
        assertThat(err()).contains("step02-multi-worker/src/main/java/asyncqueues/step02/Doubler.java: differs",
                "-/** Doubling, with the foundation's help. */", "+/** Doubling with the foundation's help. */",
                "1 file(s) differ from what the solutions make.");
    }

    @Test
    void stubsWriteMakesTheStubsAgainAndKeepsTheLearnersCodeUnlessForced() {
        Path doubler = layout.root().resolve("step02-multi-worker/src/main/java/" + Fixture.DOUBLER);
        Fixture.edit(doubler, "throw new ExerciseNotDone(\"2.1\");", "return 2 * value;");
        Fixture.edit(doubler, "Doubling, with", "Doubling with");

        assertThat(run("stubs", "--write")).isEqualTo(Workbook.OK);
        assertThat(out()).contains("wrote step02-multi-worker/src/main/java/asyncqueues/step02/Doubler.java",
                "1 stub file(s) written.", "Kept the code in 1 exercise region(s), which is yours:",
                "exercise 2.1 in step02-multi-worker/src/main/java/asyncqueues/step02/Doubler.java:11",
                "./jbang stubs --write --force", "Every stub file of 2 stage(s) is what its solution makes");
        assertThat(SourceFiles.read(doubler)).contains("return 2 * value;").contains("Doubling, with");

        assertThat(run("stubs", "--write", "--force")).isEqualTo(Workbook.OK);
        assertThat(SourceFiles.read(doubler)).contains("throw new ExerciseNotDone(\"2.1\");");
        assertThat(run("stubs", "--check", "--force")).isEqualTo(Workbook.USAGE);
    }

    @Test
    void aDamagedCatalogIsAFailureThatSaysWhere() {
        Fixture.edit(layout.root().resolve("solutions/step02-multi-worker/src/main/java/" + Fixture.DOUBLER),
                "        // EXERCISE 2.1 END\n", "");

        assertThat(run("hint", "1.1")).isEqualTo(Workbook.FAILED);
        assertThat(err()).contains("solutions/step02-multi-worker/src/main/java/asyncqueues/step02/Doubler.java:12:"
                + " EXERCISE 2.1 BEGIN has no END");
    }
}
