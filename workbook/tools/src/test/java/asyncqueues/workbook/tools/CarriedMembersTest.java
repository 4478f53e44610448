package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Members a stage's file carries over from an earlier stage's: one source, copies made and checked. */
class CarriedMembersTest extends OnAFixtureCopy {

    private static final String SOURCE = """
            package asyncqueues.step01;

            final class Runtime {

                /** Not carried: only spawn is. */
                static final int COUNT = 1;

                /** Spawns {@code name}; see {@link asyncqueues.step01.Runtime}. */
                @SuppressWarnings("unused")
                static String spawn(String name) {
                    // EXERCISE 1.1 BEGIN: spawn it
                    if (name.equals("}")) { // a brace in a string is not the method's end
                        return "{";
                    }
                    return name;
                    // EXERCISE 1.1 END
                }

                static String other() {
                    return spawn("other");
                }

                /** The other overload. */
                static String spawn(int times) {
                    return "x".repeat(times);
                }

                private static final class Holder {
                    static void spawn() {} // a nested class's member: not carried
                }
            }
            """;

    private static final String COPY_BEFORE = """
            package asyncqueues.step02;

            final class Runtime {

                static final int COUNT = 3;

                // Carried over from step01-single-queue's Runtime.java by ./jbang stubs --write: spawn, COUNT. Edit it there.
                stale code
                // End of the carried-over code.
            }
            """;

    private static final String COPY_AFTER = """
            package asyncqueues.step02;

            final class Runtime {

                static final int COUNT = 3;

                // Carried over from step01-single-queue's Runtime.java by ./jbang stubs --write: spawn, COUNT. Edit it there.
                /** Spawns {@code name}; see {@link asyncqueues.step02.Runtime}. */
                @SuppressWarnings("unused")
                static String spawn(String name) {
                    if (name.equals("}")) { // a brace in a string is not the method's end
                        return "{";
                    }
                    return name;
                }

                /** The other overload. */
                static String spawn(int times) {
                    return "x".repeat(times);
                }

                /** Not carried: only spawn is. */
                static final int COUNT = 1;
                // End of the carried-over code.
            }
            """;

    private Path copy;

    @BeforeEach
    void carrySpawnFromStage1To2() {
        SourceFiles.write(layout.root().resolve("solutions/step01-single-queue/src/main/java/asyncqueues/step01/Runtime.java"),
                SOURCE);
        copy = layout.root().resolve("solutions/step02-multi-worker/src/main/java/asyncqueues/step02/Runtime.java");
        SourceFiles.write(copy, COPY_BEFORE);
    }

    @Test
    void theCheckFindsTheDriftAndWritingMendsIt() {
        assertThat(CarriedMembers.check(layout)).singleElement().satisfies(drift -> assertThat(drift.describe())
                .contains("solutions/step02-multi-worker/src/main/java/asyncqueues/step02/Runtime.java",
                        "its carried-over code differs from what its source makes", "+    stale code"));

        assertThat(CarriedMembers.write(layout))
                .containsExactly("solutions/step02-multi-worker/src/main/java/asyncqueues/step02/Runtime.java");

        assertThat(SourceFiles.read(copy)).isEqualTo(COPY_AFTER);
        assertThat(CarriedMembers.check(layout)).isEmpty();
        assertThat(CarriedMembers.write(layout)).as("a second write").isEmpty();
    }

    @Test
    void stubsWriteMakesTheCopyThenItsStub() {
        // The fixture's stage 1 has its own exercise 1.1.
        SourceFiles.write(layout.root().resolve("solutions/step01-single-queue/src/main/java/asyncqueues/step01/Runtime.java"),
                SOURCE.replaceAll("(?m)^.*EXERCISE 1\\.1 .*\n", ""));
        Stubs.Written written = Stubs.write(layout, ExerciseCatalog.load(layout), false);

        assertThat(written.files()).contains("solutions/step02-multi-worker/src/main/java/asyncqueues/step02/Runtime.java",
                "step02-multi-worker/src/main/java/asyncqueues/step02/Runtime.java");
        assertThat(SourceFiles.read(layout.root().resolve("step02-multi-worker/src/main/java/asyncqueues/step02/Runtime.java")))
                .isEqualTo(COPY_AFTER);
        assertThat(Stubs.check(layout, ExerciseCatalog.load(layout))).isEmpty();
    }

    @Test
    void aTestCarriesMembersFromTheEarlierStagesTestsWithoutTheirExerciseTags() {
        SourceFiles.write(layout.root().resolve("step01-single-queue/src/test/java/asyncqueues/step01/RuntimeTest.java"), """
                package asyncqueues.step01;

                class RuntimeTest {
                    @Test
                    @DisplayName("Exercise 1.1: spawns,"
                            + " named on two lines")
                    @Tag("exercise-1.1")
                    void spawns() {
                        assertThat(Runtime.spawn("a")).isEqualTo("a");
                    }
                }
                """);
        Path copyTest = layout.root().resolve("step02-multi-worker/src/test/java/asyncqueues/step02/RuntimeTest.java");
        SourceFiles.write(copyTest, """
                package asyncqueues.step02;

                class RuntimeTest {
                    // Carried over from step01-single-queue's RuntimeTest.java by ./jbang stubs --write: spawns. Edit it there.
                    // End of the carried-over code.
                }
                """);

        CarriedMembers.write(layout);

        assertThat(SourceFiles.read(copyTest)).isEqualTo("""
                package asyncqueues.step02;

                class RuntimeTest {
                    // Carried over from step01-single-queue's RuntimeTest.java by ./jbang stubs --write: spawns. Edit it there.
                    @Test
                    @DisplayName("spawns,"
                            + " named on two lines")
                    void spawns() {
                        assertThat(Runtime.spawn("a")).isEqualTo("a");
                    }
                    // End of the carried-over code.
                }
                """);
    }

    @Test
    void aMarkerWithoutItsEndOrANameWithoutAMemberIsNamed() {
        SourceFiles.write(copy, COPY_BEFORE.replace("    // End of the carried-over code.\n", ""));
        assertThatThrownBy(() -> CarriedMembers.check(layout)).isInstanceOf(WorkbookException.class)
                .hasMessageContaining("step02/Runtime.java:7: no line '    // End of the carried-over code.' ends");

        SourceFiles.write(copy, COPY_BEFORE.replace("spawn, COUNT", "spawn, missing"));
        assertThatThrownBy(() -> CarriedMembers.check(layout)).isInstanceOf(WorkbookException.class)
                .hasMessageContaining("step01/Runtime.java has no member named missing");

        SourceFiles.write(copy, COPY_BEFORE.replace("step01-single-queue's", "step02-multi-worker's"));
        assertThatThrownBy(() -> CarriedMembers.check(layout)).isInstanceOf(WorkbookException.class)
                .hasMessageContaining("code is carried from an earlier stage, not from step02-multi-worker");
    }

    @Test
    void aMalformedMarkerOrAStrayEndIsNamedAndNothingIsWritten() {
        SourceFiles.write(copy, COPY_BEFORE.replace("spawn, COUNT. Edit it there.", "spawn COUNT. Edit it there."));
        assertThatThrownBy(() -> CarriedMembers.write(layout)).isInstanceOf(WorkbookException.class)
                .hasMessageContaining("step02/Runtime.java:7: a carried-code marker that does not read");
        assertThat(SourceFiles.read(copy)).contains("stale code");

        SourceFiles.write(copy, COPY_BEFORE.replace("    // Carried over from step01-single-queue's Runtime.java by"
                + " ./jbang stubs --write: spawn, COUNT. Edit it there.\n", ""));
        assertThatThrownBy(() -> CarriedMembers.check(layout)).isInstanceOf(WorkbookException.class)
                .hasMessageContaining("step02/Runtime.java:8: '// End of the carried-over code.' ends no carried code");
    }

    @Test
    void aMemberIsFoundWithItsAnnotationsOnItsLineAndWithoutTheMarkersAboveIt() {
        List<String> source = """
                final class Runtime {
                    // Carried over from step01-single-queue's Other.java by ./jbang stubs --write: first. Edit it there.
                    static int first() {
                        return 1;
                    }
                    // End of the carried-over code.
                    @Override public String toString() {
                        return "runtime";
                    }
                }
                """.lines().toList();

        assertThat(CarriedMembers.members(source, List.of("first", "toString"), "    ", "Runtime.java")).containsExactly(
                "    static int first() {", "        return 1;", "    }", "",
                "    @Override public String toString() {", "        return \"runtime\";", "    }");
    }

    @Test
    void membersAreFoundByTheirDeclarationNotByTheirCalls() {
        List<String> source = SOURCE.lines().toList();

        assertThat(CarriedMembers.members(source, List.of("other"), "    ", "Runtime.java"))
                .containsExactly("    static String other() {", "        return spawn(\"other\");", "    }");
        assertThat(CarriedMembers.members(source, List.of("Holder"), "    ", "Runtime.java"))
                .first().isEqualTo("    private static final class Holder {");
    }
}
