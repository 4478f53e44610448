package asyncqueues.workbook.tools;

import asyncqueues.workbook.testing.ExerciseJudge;
import asyncqueues.workbook.testing.ExerciseTags;
import asyncqueues.workbook.testing.ExerciseVerdict;
import asyncqueues.workbook.testing.TestFailure;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Tries the learner's code of one exercise: compiles its stage as the learner left it and runs
 * the tests tagged with the exercise, in a JVM of their own. Watch runs one on every save.
 *
 * <p>A learner waits for each attempt, so an attempt does as little as it can. The foundation is
 * compiled once, when the trial is made, and a stage's tests only when they change
 * ({@link StageBuild#rebuild}). The test JVM starts faster from a class-data sharing archive of
 * the libraries (JUnit, AssertJ, Awaitility: most of what it loads): the first attempt lists the
 * classes it loads, and a background {@code java -Xshare:dump} makes the archive from the list,
 * which every later attempt maps instead of loading those classes again.
 */
final class ExerciseTrial implements AutoCloseable {

    /** How long one attempt's tests may run: far beyond any exercise's, short of a learner's patience. */
    static final Duration DEADLINE = Duration.ofSeconds(60);

    /** The failures of tests compiled against a stage whose signatures have changed since. */
    private static final Set<String> LINKAGE_ERRORS = Set.of("java.lang.NoSuchMethodError",
            "java.lang.NoSuchFieldError", "java.lang.IncompatibleClassChangeError", "java.lang.AbstractMethodError",
            "java.lang.NoClassDefFoundError", "java.lang.IllegalAccessError");

    /** What an attempt found. */
    sealed interface Attempt {

        /**
         * The stage does not compile: the compiler's errors, as javac prints them (each its message,
         * its source line and a caret); {@code tests} when the learner's code compiles but the
         * stage's tests do not compile against it.
         */
        record DoesNotCompile(List<List<String>> errors, boolean tests) implements Attempt {

            public DoesNotCompile {
                errors = List.copyOf(errors);
            }
        }

        /**
         * The tests ran.
         *
         * @param verdict  the exercise's verdict from them
         * @param outcomes every test that ran
         * @param problem  what stopped the run early, if anything did
         */
        record Ran(ExerciseVerdict verdict, List<TestOutcome> outcomes, Optional<String> problem) implements Attempt {

            public Ran {
                outcomes = List.copyOf(outcomes);
            }
        }
    }

    private final WorkbookLayout layout;
    private final StageBuild build;
    private final Path work;
    private final Path classList;
    private final Path archive;
    private volatile boolean archiveReady;
    private boolean archiveStarted;

    /** @throws WorkbookException if the foundation does not compile */
    ExerciseTrial(WorkbookLayout layout, Path work) {
        this.layout = Objects.requireNonNull(layout, "layout must not be null");
        this.work = work;
        this.classList = work.resolve("test-jvm-classes.txt");
        this.archive = work.resolve("test-jvm.jsa");
        this.build = new StageBuild(layout, work);
    }

    /** Compiles the exercise's stage and runs the exercise's tests. */
    Attempt attempt(Exercise exercise) {
        Attempt attempt = attempt(exercise, build.rebuild(exercise.stage()));
        if (attempt instanceof Attempt.Ran ran && failedToLink(ran)) {
            attempt = attempt(exercise, build.build(exercise.stage()));
        }
        return attempt;
    }

    private Attempt attempt(Exercise exercise, StageBuild.Result built) {
        return switch (built) {
            case StageBuild.Result.Failed(List<SourceCompiler.Error> errors, boolean tests) ->
                    new Attempt.DoesNotCompile(errors.stream().map(error -> error.describeWithSource(layout)).toList(),
                            tests);
            case StageBuild.Result.Compiled compiled -> {
                String exerciseNumber = exercise.number().toString();
                StageTestRun tests = compiled.tests()
                        .onlyTagged(List.of(ExerciseTags.of(exerciseNumber)))
                        .withOutput(work.resolve("console.txt"));
                StageTestResults results = withClassData(tests).run(DEADLINE);
                startArchiveOnce(tests.libraryJars());
                ExerciseJudge judge = new ExerciseJudge(results.outcomes().stream().map(TestOutcome::toResult).toList());
                yield new Attempt.Ran(judge.judge(exerciseNumber), results.outcomes(), results.problem());
            }
        };
    }

    private static boolean failedToLink(Attempt.Ran ran) {
        return ran.outcomes().stream().map(TestOutcome::failure).filter(Objects::nonNull).anyMatch(failure -> {
            for (TestFailure at = failure; at != null; at = at.cause()) {
                if (LINKAGE_ERRORS.contains(at.type())) {
                    return true;
                }
            }
            return false;
        });
    }

    /** The run with the archive, once there is one; until then, listing the classes it loads. */
    private StageTestRun withClassData(StageTestRun tests) {
        return tests.withJvmOptions(List.of(archiveReady
                ? "-XX:SharedArchiveFile=" + archive
                : "-XX:DumpLoadedClassList=" + classList));
    }

    /** After the first run, makes the archive of the classes it listed, in the background. */
    private synchronized void startArchiveOnce(List<Path> jars) {
        if (!archiveStarted && Files.isRegularFile(classList)) {
            archiveStarted = true;
            Thread.ofPlatform().daemon().name("test-jvm-archive").start(() -> dumpArchive(jars));
        }
    }

    /** Makes the archive; on any failure, the tests run without one, as fast as before. */
    private void dumpArchive(List<Path> jars) {
        try {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process dump = new ProcessBuilder(java.toString(), "-Xshare:dump",
                    "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + archive,
                    "-cp", String.join(File.pathSeparator, jars.stream().map(Path::toString).toList()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            archiveReady = dump.waitFor() == 0 && Files.isRegularFile(archive);
        } catch (IOException e) {
            archiveReady = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        build.close();
    }
}
