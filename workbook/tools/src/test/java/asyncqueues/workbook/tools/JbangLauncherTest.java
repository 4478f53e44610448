package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./jbang} launcher and the catalog behind it, as a reader, a learner and a teacher
 * use them.
 *
 * <p>{@link EndToEnd} runs the real {@code ./jbang}, on the JDK that runs this test, in a pristine
 * copy of the workbook: its tracked files as they are in the working tree, with every stage's
 * sources made again from the solutions, so that a learner's solved exercises in this clone
 * change nothing. The copy shares the root's {@code .jbang-cache/} through a symbolic link, and
 * jbang keys its compiled scripts by their contents, so the copy fetches nothing twice and
 * compiles only scripts whose sources differ from the root's. On a fresh clone, whichever test
 * runs first may still fetch jbang through Maven and compile its script, which can take a minute
 * on a busy machine. Each run is bounded by
 * {@link #RUN_LIMIT}, past which its processes are killed and the test fails with what they
 * printed. {@link Catalog} checks, without running anything, that the catalog and the scripts
 * point at files that exist and agree with the root pom.
 */
@DisplayName("./jbang and jbang-catalog.json")
class JbangLauncherTest {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(2);

    private static final Path ROOT = workbookRoot();
    private static final Path SCRIPTS = ROOT.resolve("workbook/jbang");

    @Nested
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "./jbang is a bash script")
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @TestInstance(Lifecycle.PER_CLASS) // one pristine copy for all the runs
    class EndToEnd {

        private Path pristine;

        @BeforeAll
        void copyTheWorkbook(@TempDir Path scratch) throws IOException { // removed after the class
            pristine = WorkbookCopy.of(ROOT, scratch.resolve("workbook"));
        }

        @AfterAll
        void unlinkTheCache() throws IOException {
            // The link, not the root's cache it points at: never leave that to a recursive delete.
            if (pristine != null) {
                Files.deleteIfExists(pristine.resolve(WorkbookCopy.JBANG_CACHE));
            }
        }

        @Test
        @DisplayName("step01-solution --fast prints the chapter's stage-1 printout")
        void stageOneOnTheReferenceCode() {
            Run run = jbang(pristine, "step01-solution", "--fast");

            assertThat(run.exitCode()).as(run.describe()).isZero();
            List<String> lines = run.lines();
            // One count per spawn; the counts themselves race with the consumer, as in the chapter.
            assertThat(lines).as(run.describe())
                    .filteredOn(line -> line.matches("Here is the queue count: \\d+")).hasSize(3);
            assertThat(lines).as(run.describe())
                    .contains("before the block")
                    .containsSubsequence("polling with result: 1", "polling with result: 2",
                            "polling with result: 3");
            assertThat(lines).as(run.describe()).filteredOn("polling with result: 3"::equals).hasSize(2);
            assertThat(lines).as(run.describe()).filteredOn("async fn"::equals).hasSize(4);
        }

        @Test
        @DisplayName("step01 --fast on the untouched stubs names the exercise and its hint command")
        void stageOneOnTheStubs() {
            Run run = jbang(pristine, "step01", "--fast");

            assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
            assertThat(run.output()).as(run.describe())
                    .containsPattern("Exercise (1\\.\\d+) is not done yet \\(step01-single-queue\\)\\."
                            + " For a hint: \\./jbang hint \\1\\R"
                            + "Write it in step01-single-queue/src/main/java/asyncqueues/step01/\\w+\\.java:\\d+,"
                            + " between its EXERCISE \\1 markers\\.\\R"
                            + "Its tests: mvn test -pl step01-single-queue -Dgroups=exercise-\\1;")
                    .doesNotContain("\tat ") // a message, not a stack trace
                    .doesNotContain("ExerciseNotDone");
        }

        @Test
        @DisplayName("step01 --fast on code that waits for good is stopped, with where its threads are")
        void stageOneThatNeverEnds() throws IOException {
            WorkbookLayout layout = WorkbookLayout.at(pristine);
            ExerciseCatalog catalog = ExerciseCatalog.load(layout);
            Stage stage = catalog.stages().getFirst();
            Path runtime = layout.stageSources(stage).resolve("asyncqueues/step01/AsyncRuntime.java");
            Map<Path, byte[]> stubs = new LinkedHashMap<>();
            for (Exercise exercise : catalog.exercisesOf(stage)) {
                Path file = layout.stageSources(stage).resolve(exercise.file());
                stubs.putIfAbsent(file, Files.readAllBytes(file));
                Fixture.solve(layout, exercise);
            }
            // A consumer loop that ends after its first runnable: the counter it polled is queued
            // again, nobody takes it, and main waits for it for good.
            Fixture.edit(runtime, "for (;;) {", "for (int once = 0; once < 1; once++) {");
            try {
                Run run = jbang(pristine, "step01", "--fast");

                assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
                assertThat(run.output()).as(run.describe())
                        .contains("The program is still running after 15 s")
                        .containsPattern("main +WAITING +in Futures\\.blockOn \\(Futures\\.java:\\d+\\), called from"
                                + " Main\\.run \\(Main\\.java:\\d+\\)")
                        .contains("no consumer thread is alive")
                        .contains("Its tests say more: mvn test -pl step01-single-queue");
            } finally {
                for (Map.Entry<Path, byte[]> stub : stubs.entrySet()) {
                    Files.write(stub.getKey(), stub.getValue());
                }
            }
        }

        @Test
        @DisplayName("hint 1.1 prints the exercise's hint")
        void hint() throws IOException {
            String firstHintLine = Files.readAllLines(pristine.resolve("step01-single-queue/hints/1.1.md"))
                    .stream().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElseThrow();

            Run run = jbang(pristine, "hint", "1.1");

            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.output()).as(run.describe()).contains("1.1").contains(firstHintLine);
        }

        @Test
        @DisplayName("progress on the untouched stubs reports nothing solved, and fails")
        void progress() {
            Run run = jbang(pristine, "progress");

            assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
            assertThat(run.lines()).as(run.describe()).anyMatch(line -> line.matches("0/[1-9]\\d* solved"));
        }

        @Test
        @DisplayName("progress --exercise, from any folder, exits 0 exactly when the exercise is solved")
        void progressOfOneExerciseFromAnywhere(@TempDir Path elsewhere) throws IOException {
            WorkbookLayout layout = WorkbookLayout.at(pristine);
            Exercise exercise = ExerciseCatalog.load(layout).find(ExerciseNumber.parse("2.1")).orElseThrow();
            Path file = layout.stageSources(exercise.stage()).resolve(exercise.file());
            byte[] stub = Files.readAllBytes(file);

            Run unsolved = jbangIn(pristine, elsewhere, "progress", "--root", pristine.toString(), "--exercise", "2.1");
            assertThat(unsolved.exitCode()).as(unsolved.describe()).isEqualTo(1);
            assertThat(unsolved.output()).as(unsolved.describe()).contains("Exercise 2.1: " + exercise.title(),
                    "0 of 1 learner solved it", "not started: still the stub");

            Fixture.solve(layout, exercise);
            try {
                Run solved = jbangIn(pristine, elsewhere, "progress", "--root", pristine.toString(), "--exercise", "2.1");
                assertThat(solved.exitCode()).as(solved.describe()).isZero();
                assertThat(solved.output()).as(solved.describe()).contains("1 of 1 learner solved it", "✓ solved");
            } finally {
                Files.write(file, stub);
            }
        }
    }

    @Nested
    class Catalog {

        private static final Pattern ALIAS = Pattern.compile(
                "\"([\\w-]+)\"\\s*:\\s*\\{\\s*\"script-ref\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern SOURCES = Pattern.compile("(?m)^//SOURCES (\\S+)$");
        private static final Pattern DEPS = Pattern.compile("(?m)^//DEPS ([\\w.-]+):([\\w.-]+):(\\S+)$");

        @Test
        @DisplayName("has every alias that the READMEs use, each naming a script that exists")
        void aliases() throws IOException {
            Map<String, String> scripts = aliasScripts();

            List<String> expected = new ArrayList<>(List.of("hint", "progress", "reset", "stubs", "watch"));
            for (Stage stage : WorkbookLayout.at(ROOT).stages()) {
                expected.add("step%02d".formatted(stage.number()));
                expected.add("step%02d-solution".formatted(stage.number()));
            }
            assertThat(scripts).containsOnlyKeys(expected);
            assertThat(scripts.values()).allSatisfy(script -> assertThat(ROOT.resolve(script)).isRegularFile());
        }

        @Test
        @DisplayName("runs each stage's Main from the learner's sources, or from the solution's")
        void stageScripts() throws IOException {
            Map<String, String> scripts = aliasScripts();
            for (Stage stage : WorkbookLayout.at(ROOT).stages()) {
                String step = "step%02d".formatted(stage.number());
                String module = stage.module();
                assertStageScript(scripts.get(step), step, module);
                assertStageScript(scripts.get(step + "-solution"), step, "solutions/" + module);
            }
        }

        @Test
        @DisplayName("gives the tools the root pom's versions of JUnit, AssertJ, Awaitility and java-diff-utils")
        void toolDependencies() throws IOException {
            String pom = Files.readString(ROOT.resolve("pom.xml"));
            String junit = property(pom, "junit.version");
            Map<String, String> versions = new LinkedHashMap<>();
            Matcher deps = DEPS.matcher(Files.readString(SCRIPTS.resolve("WorkbookTools.java")));
            while (deps.find()) {
                versions.put(deps.group(1) + ":" + deps.group(2), deps.group(3));
            }

            assertThat(versions).containsOnly(
                    Map.entry("org.junit.platform:junit-platform-launcher", "1" + junit.substring(1)),
                    Map.entry("org.junit.jupiter:junit-jupiter", junit),
                    Map.entry("org.assertj:assertj-core", property(pom, "assertj.version")),
                    Map.entry("org.awaitility:awaitility", property(pom, "awaitility.version")),
                    Map.entry("io.github.java-diff-utils:java-diff-utils", property(pom, "java-diff-utils.version")));
        }

        @Test
        @DisplayName("names no download host")
        void namesNoHost() throws IOException {
            List<Path> files = new ArrayList<>(List.of(ROOT.resolve("jbang"), ROOT.resolve("jbang-catalog.json")));
            try (Stream<Path> scripts = Files.list(SCRIPTS)) {
                scripts.forEach(files::add);
            }
            for (Path file : files) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("://");
            }
        }

        private void assertStageScript(String script, String step, String sourceDir) throws IOException {
            assertThat(script).as("the script of %s", sourceDir).isNotNull();
            Path file = ROOT.resolve(script);
            String text = Files.readString(file);
            List<Path> sourceRoots = new ArrayList<>();
            Matcher sources = SOURCES.matcher(text);
            while (sources.find()) {
                String glob = sources.group(1);
                int wildcard = glob.indexOf('*');
                sourceRoots.add(file.getParent().resolve(wildcard < 0 ? glob : glob.substring(0, wildcard))
                        .normalize());
            }
            assertThat(sourceRoots).as(script).contains(
                    ROOT.resolve("async-task/src/main/java/"),
                    ROOT.resolve("workbook/support/src/main/java/"),
                    ROOT.resolve(sourceDir + "/src/main/java/"));
            assertThat(sourceRoots).as(script).allSatisfy(path -> assertThat(path).exists());
            assertThat(text).as(script).contains("asyncqueues." + step + ".Main::main");
            assertThat(ROOT.resolve(sourceDir + "/src/main/java/asyncqueues/" + step + "/Main.java"))
                    .isRegularFile();
        }

        private static Map<String, String> aliasScripts() throws IOException {
            Map<String, String> scripts = new LinkedHashMap<>();
            Matcher alias = ALIAS.matcher(Files.readString(ROOT.resolve("jbang-catalog.json")));
            while (alias.find()) {
                scripts.put(alias.group(1), alias.group(2));
            }
            return scripts;
        }

        private static String property(String pom, String name) {
            Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
            assertThat(matcher.find()).as("the root pom's <%s>", name).isTrue();
            return matcher.group(1).strip();
        }
    }

    /** What a run of {@code ./jbang} printed (stdout and stderr, interleaved) and how it ended. */
    private record Run(List<String> arguments, int exitCode, String output) {

        List<String> lines() {
            return output.lines().toList();
        }

        String describe() {
            return "./jbang " + String.join(" ", arguments) + " exited with " + exitCode + " and printed:\n"
                    + output;
        }
    }

    /** Runs {@code ./jbang arguments} in the workbook at {@code root} on this test's JDK, and waits for it. */
    private static Run jbang(Path root, String... arguments) {
        return jbangIn(root, root, arguments);
    }

    /** Runs the workbook's {@code ./jbang} at {@code root} in the folder {@code directory}. */
    private static Run jbangIn(Path root, Path directory, String... arguments) {
        try {
            Path log = Files.createTempFile("jbang-run-", ".log");
            try {
                List<String> command = new ArrayList<>(List.of(root.resolve("jbang").toString()));
                command.addAll(List.of(arguments));
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(directory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
                Process process = builder.start();
                process.getOutputStream().close(); // nothing to read on stdin
                if (!process.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    fail("./jbang %s did not finish within %s; it printed:%n%s",
                            String.join(" ", arguments), RUN_LIMIT, Files.readString(log));
                }
                return new Run(List.of(arguments), process.exitValue(), Files.readString(log));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run ./jbang", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while ./jbang ran", e);
        }
    }

    /** The workbook's root: the nearest directory, from here up, that holds jbang-catalog.json. */
    private static Path workbookRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("jbang-catalog.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no jbang-catalog.json at or above " + Path.of("").toAbsolutePath());
    }
}
