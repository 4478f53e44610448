package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Files a stage carries over from an earlier one: one source, copies made and checked. */
class CarriedFilesTest extends OnAFixtureCopy {

    private static final String SOURCE = """
            package asyncqueues.step01;

            /** Given to both stages; see {@link asyncqueues.step01.Adder}, not asyncqueues.step010. */
            final class Shared {
            }
            """;

    private static final String COPY = """
            // Carried over unchanged from step01-single-queue's solution by ./jbang stubs --write; edit it there.
            package asyncqueues.step02;

            /** Given to both stages; see {@link asyncqueues.step02.Adder}, not asyncqueues.step010. */
            final class Shared {
            }
            """;

    private Path source;
    private Path copy;

    @BeforeEach
    void carrySharedFromStage1To2() {
        source = layout.root().resolve("solutions/step01-single-queue/src/main/java/asyncqueues/step01/Shared.java");
        copy = layout.root().resolve("solutions/step02-multi-worker/src/main/java/asyncqueues/step02/Shared.java");
        SourceFiles.write(source, SOURCE);
        SourceFiles.write(layout.root().resolve(CarriedFiles.LIST), """
                # a comment, and a blank line

                step02-multi-worker  Shared.java  from step01-single-queue
                """);
    }

    @Test
    void writingMakesTheCopyWithThePackageRenamedAndItsStubWithIt() {
        Stubs.Written written = Stubs.write(layout, ExerciseCatalog.load(layout), false);

        assertThat(SourceFiles.read(copy)).isEqualTo(COPY);
        assertThat(written.files()).contains("solutions/step02-multi-worker/src/main/java/asyncqueues/step02/Shared.java",
                "step02-multi-worker/src/main/java/asyncqueues/step02/Shared.java");
        assertThat(Stubs.check(layout, ExerciseCatalog.load(layout))).isEmpty();
        assertThat(Stubs.write(layout, ExerciseCatalog.load(layout), false).files()).as("a second write").isEmpty();
    }

    @Test
    void anEarlierStagesExerciseIsGivenCodeInTheCopy() {
        SourceFiles.write(source, """
                package asyncqueues.step01;

                import asyncqueues.workbook.ExerciseNotDone;

                final class Shared {
                    static int one() {
                        // EXERCISE 1.9 BEGIN: one
                        return 1;
                        // EXERCISE 1.9 END
                    }
                }
                """);

        CarriedFiles.write(layout);

        assertThat(SourceFiles.read(copy)).isEqualTo("""
                // Carried over unchanged from step01-single-queue's solution by ./jbang stubs --write; edit it there.
                package asyncqueues.step02;


                final class Shared {
                    static int one() {
                        return 1;
                    }
                }
                """);
    }

    @Test
    void aMissingCopyIsADrift() {
        assertThat(CarriedFiles.check(layout)).singleElement().satisfies(drift -> assertThat(drift.describe())
                .startsWith("solutions/step02-multi-worker/src/main/java/asyncqueues/step02/Shared.java: is missing;")
                .contains("solutions/step01-single-queue/src/main/java/asyncqueues/step01/Shared.java carried over",
                        "./jbang stubs --write"));
    }

    @Test
    void aCopyEditedByHandIsADriftWithItsDiffAndItsSource() {
        Stubs.write(layout, ExerciseCatalog.load(layout), false);
        Fixture.edit(copy, "final class Shared {", "final class Shared { // changed here");

        assertThat(Stubs.check(layout, ExerciseCatalog.load(layout))).as("the copy's drift, and its stub's")
                .hasSize(2).first().isEqualTo(CarriedFiles.check(layout).getFirst());
        assertThat(CarriedFiles.check(layout)).singleElement().satisfies(drift -> {
            assertThat(drift.stage().module()).isEqualTo("step02-multi-worker");
            assertThat(drift.describe())
                    .startsWith("solutions/step02-multi-worker/src/main/java/asyncqueues/step02/Shared.java: differs"
                            + " from what solutions/step01-single-queue/src/main/java/asyncqueues/step01/Shared.java makes;")
                    .contains("change that file, then run './jbang stubs --write'")
                    .contains("-final class Shared {\n+final class Shared { // changed here");
        });
    }

    @Test
    void aChangedSourceMakesTheCopyDriftUntilTheStubsAreWritten() {
        Stubs.write(layout, ExerciseCatalog.load(layout), false);
        Fixture.edit(source, "final class Shared {", "final class Shared { // one source");

        assertThat(CarriedFiles.check(layout)).hasSize(1);
        Stubs.write(layout, ExerciseCatalog.load(layout), false);

        assertThat(SourceFiles.read(copy)).contains("package asyncqueues.step02;", "final class Shared { // one source");
        assertThat(Stubs.check(layout, ExerciseCatalog.load(layout))).isEmpty();
    }

    @Test
    void aTestFileIsCarriedFromTheEarlierStagesTests() {
        Path sourceTest = layout.root().resolve("step01-single-queue/src/test/java/asyncqueues/step01/SharedTest.java");
        Path copyTest = layout.root().resolve("step02-multi-worker/src/test/java/asyncqueues/step02/SharedTest.java");
        SourceFiles.write(sourceTest, "package asyncqueues.step01;\n\nclass SharedTest {}\n");
        SourceFiles.write(layout.root().resolve(CarriedFiles.LIST),
                "step02-multi-worker test/SharedTest.java from step01-single-queue\n");

        assertThat(CarriedFiles.check(layout)).singleElement().satisfies(drift -> assertThat(drift.describe())
                .startsWith("step02-multi-worker/src/test/java/asyncqueues/step02/SharedTest.java: is missing;"));
        CarriedFiles.write(layout);

        assertThat(SourceFiles.read(copyTest)).isEqualTo("// Carried over unchanged from step01-single-queue's tests by"
                + " ./jbang stubs --write; edit it there.\npackage asyncqueues.step02;\n\nclass SharedTest {}\n");
        assertThat(CarriedFiles.check(layout)).isEmpty();
    }

    @Test
    void aCarriedTestLosesTheEarlierStagesExerciseTagsAndLabelsItsOtherTagsKept() {
        Path sourceTest = layout.root().resolve("step01-single-queue/src/test/java/asyncqueues/step01/SharedTest.java");
        Path copyTest = layout.root().resolve("step02-multi-worker/src/test/java/asyncqueues/step02/SharedTest.java");
        SourceFiles.write(sourceTest, """
                package asyncqueues.step01;

                import org.junit.jupiter.api.DisplayName;
                import org.junit.jupiter.api.Tag;

                @DisplayName("Exercise 1.1: shared")
                class SharedTest {
                    @Tag("exercise-1.1")
                    @DisplayName("Exercise 1.1: counts to 3, as Exercise 1.1 asks")
                    void counts() {}

                    @Tag("slow")
                    @DisplayName("Exercises 1.1, 1.2: slow")
                    void slow() {}
                }
                """);
        SourceFiles.write(layout.root().resolve(CarriedFiles.LIST),
                "step02-multi-worker test/SharedTest.java from step01-single-queue\n");
        CarriedFiles.write(layout);

        assertThat(SourceFiles.read(copyTest)).endsWith("""
                package asyncqueues.step02;

                import org.junit.jupiter.api.DisplayName;
                import org.junit.jupiter.api.Tag;

                @DisplayName("shared")
                class SharedTest {
                    @DisplayName("counts to 3, as Exercise 1.1 asks")
                    void counts() {}

                    @Tag("slow")
                    @DisplayName("slow")
                    void slow() {}
                }
                """);

        SourceFiles.write(sourceTest, SourceFiles.read(sourceTest).replace("    @Tag(\"slow\")\n", ""));
        CarriedFiles.write(layout);
        assertThat(SourceFiles.read(copyTest)).doesNotContain("@Tag", "import org.junit.jupiter.api.Tag;")
                .contains("import org.junit.jupiter.api.DisplayName;");
    }

    @Test
    void everyBadLineOfTheListIsReportedAtOnce() {
        SourceFiles.write(layout.root().resolve(CarriedFiles.LIST), """
                step02-multi-worker Shared.java step01-single-queue
                step09-none Shared.java from step01-single-queue
                step01-single-queue Shared.java from step02-multi-worker
                step02-multi-worker Missing.java from step01-single-queue
                """);

        assertThatThrownBy(() -> CarriedFiles.load(layout)).isInstanceOf(WorkbookException.class)
                .hasMessageContaining("carried-over.txt:1: 'step02-multi-worker Shared.java step01-single-queue' does not"
                        + " read 'stepNN-name File.java from stepMM-name'")
                .hasMessageContaining("carried-over.txt:2: no stage module is named step09-none")
                .hasMessageContaining("carried-over.txt:3: a file is carried forward")
                .hasMessageContaining("carried-over.txt:4: its source solutions/step01-single-queue/src/main/java/"
                        + "asyncqueues/step01/Missing.java does not exist");
    }

    @Test
    void aWorkbookWithoutTheListCarriesNothing() {
        SourceFiles.write(layout.root().resolve(CarriedFiles.LIST), "");
        assertThat(CarriedFiles.load(Fixture.copyTo(dir.resolve("other")))).isEmpty();
        assertThat(CarriedFiles.load(layout)).isEmpty();
    }
}
