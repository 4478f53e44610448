package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The natural mistakes of a learner that once made a stage's tests hang until their
 * {@code @Timeout}, each made on purpose: in a copy of the workbook, a stage is solved with its
 * solution, one solution region is changed by a {@link Mistake} (a literal replacement), and the
 * tests of that exercise run against it. They must fail soon, each within {@link #TEST_BOUND},
 * and the first failure must say what did not happen and where to look.
 *
 * <p>The runs are JVMs of their own ({@link StageTestRun}) that mostly wait for their bounded
 * waits to run out, so {@value #PARALLEL_RUNS} of them run at once, while the next mistake
 * compiles. {@link #measureWholeStages()}, enabled with
 * {@code -Dworkbook.mistakes.wholeStage=true}, runs every stage's whole suite against each
 * mistake, one at a time, and prints how long it took.
 */
@DisplayName("A learner's mistake fails its tests soon, saying where to look")
@TestInstance(Lifecycle.PER_CLASS) // one copy of the workbook, one build of its foundation
class LearnerMistakesTest {

    /** How long a failing test may take: a bounded wait of the stages' tests, and some. */
    static final Duration TEST_BOUND = Duration.ofSeconds(5);

    /** How long the run of an exercise's tests may take, and a learner's run of a whole stage. */
    static final Duration RUN_BOUND = Duration.ofSeconds(30);

    /** Where a run is stopped: far past {@link #RUN_BOUND}, so that a slow run still reports its tests. */
    private static final Duration RUN_DEADLINE = Duration.ofSeconds(60);

    private static final int PARALLEL_RUNS = 6;

    /**
     * A mistake in exercise {@code exercise}: in the learner's {@code file} (in the stage's
     * package), the solution's {@code from}, which must occur exactly once, becomes {@code to}. A
     * test that fails because of it must say {@code diagnosis}.
     */
    record Mistake(String name, String exercise, String file, String from, String to, String diagnosis) {

        int stage() {
            return Integer.parseInt(exercise.substring(0, exercise.indexOf('.')));
        }

        /** The learner's file, relative to the stage's sources. */
        String path() {
            return "asyncqueues/step%02d/%s".formatted(stage(), file);
        }

        /** {@code source} with this mistake made. */
        String madeIn(String source) {
            int at = source.indexOf(from);
            assertThat(at).as("where %s is in %s", this, file).isNotNegative();
            assertThat(source.indexOf(from, at + 1)).as("a second place of %s in %s", this, file).isNegative();
            return source.substring(0, at) + to + source.substring(at + from.length());
        }

        @Override
        public String toString() {
            return exercise + " " + name;
        }
    }

    /** Each exercise's natural mistakes that hung its tests, the diagnosis expected for each. */
    static final List<Mistake> MISTAKES = List.of(
            new Mistake("the consumer loop takes from the global queue, not the one it is given", "1.1",
                    "AsyncRuntime.java",
                    "TaskRunnable runnable = queue.take();",
                    "TaskRunnable runnable = GlobalQueue.INSTANCE.take();",
                    "no consumer took the runnable from the queue"),
            new Mistake("the consumer loop stops as soon as the queue is empty", "1.1",
                    "AsyncRuntime.java",
                    "for (;;) {",
                    "while (!queue.isEmpty()) {",
                    "returned without taking a runnable from the queue"),
            new Mistake("the consumer loop takes runnables but never runs them", "1.1",
                    "AsyncRuntime.java",
                    "                    runnable.run();\n",
                    "",
                    "call runnable.run()"),
            new Mistake("spawnTask forgets to schedule the runnable", "1.2",
                    "AsyncRuntime.java",
                    "        spawned.runnable().schedule();\n",
                    "",
                    "did it call runnable.schedule()?"),
            new Mistake("CounterFuture is Pending without waking its task", "1.3",
                    "CounterFuture.java",
                    "            cx.waker().wake();\n",
                    "",
                    "cx.waker().wake()"),
            new Mistake("AsyncSleep is Pending without waking its task", "1.4",
                    "AsyncSleep.java",
                    "        cx.waker().wake();\n",
                    "",
                    "cx.waker().wake()"),
            new Mistake("AsyncBlock stays at the first await once it is Ready, polling it forever", "1.5",
                    "AsyncBlock.java",
                    "                    state = new AwaitingSecond<>(second);\n",
                    "",
                    "again after it was Ready"),
            new Mistake("AsyncBlock is Pending after the first await is Ready, with no wake to come", "1.5",
                    "AsyncBlock.java",
                    "                    state = new AwaitingSecond<>(second);\n",
                    """
                                        state = new AwaitingSecond<>(second);
                                        return Poll.pending();
                    """,
                    "the same poll goes on"),
            new Mistake("startConsumers creates its threads but does not start them", "2.1",
                    "AsyncRuntime.java",
                    "consumers.add(builder.start(() -> consume(queue)));",
                    "consumers.add(builder.unstarted(() -> consume(queue)));",
                    "unstarted only creates a thread"),
            new Mistake("startConsumers starts one thread too few", "2.1",
                    "AsyncRuntime.java",
                    "for (int i = 0; i < count; i++) {",
                    "for (int i = 1; i < count; i++) {",
                    "startConsumers(queue, 3) returned"),
            new Mistake("startConsumers creates its threads but does not start them", "3.1",
                    "AsyncRuntime.java",
                    "consumers.add(builder.start(() -> consume(queue)));",
                    "consumers.add(builder.unstarted(() -> consume(queue)));",
                    "unstarted only creates a thread"),
            new Mistake("spawnTask forgets to schedule the runnable", "3.2",
                    "AsyncRuntime.java",
                    "        spawned.runnable().schedule();\n",
                    "",
                    "runnable.schedule()"),
            new Mistake("the stealing loop never looks at the other queue", "4.1",
                    "StealingLoop.java",
                    """
                                if (next == null) {
                                    next = other.poll();
                                }
                    """,
                    "",
                    "take from the other queue?"),
            new Mistake("the stealing loop spins instead of pausing when both queues are empty", "4.1",
                    "StealingLoop.java",
                    """
                                } else if (!pause(idleWait)) {
                                    return;
                                }
                    """,
                    "            }\n",
                    "pause(idleWait)"),
            new Mistake("spawnTask(future) copies the spawning code and forgets to schedule the runnable", "5.1",
                    "AsyncRuntime.java",
                    "        return spawnTask(future, FutureType.LOW);\n",
                    """
                            BlockingQueue<TaskRunnable> queue = queueFor(FutureType.LOW);
                            return AsyncTask.spawn(future, queue::add).task();
                    """,
                    "runnable.schedule()"),
            new Mistake("BackgroundProcess is Pending without waking its task", "6.1",
                    "BackgroundProcess.java",
                    "        cx.waker().wake();\n",
                    "",
                    "cx.waker().wake()"),
            new Mistake("Main.run closes the background task, which cancels it, instead of detaching it", "6.2",
                    "Main.java",
                    "        spawnTask(process).detach();\n",
                    "        spawnTask(process).close();\n",
                    "let go of its task without stopping it"),
            new Mistake("Main.runKeepingTheHandle keeps the task as Rust does, but nothing closes it", "6.3",
                    "Main.java",
                    "        try (Task<Void> background = spawnTask(process)) {\n            work(tick);\n        }\n",
                    "        Task<Void> background = spawnTask(process);\n        work(tick);\n",
                    "what ends a task's life where a block ends?"),
            new Mistake("the parking loop parks without a second look after announcing itself idle", "7.1",
                    "AsyncRuntime.java",
                    "                next = takeNext(own, other); // the second look: anything queued before the"
                            + " announcement\n",
                    "",
                    "a lost wake-up"),
            new Mistake("the schedule function queues the runnable but wakes nobody", "7.2",
                    "AsyncRuntime.java",
                    "            idle.wakeOne();\n",
                    "",
                    "idle.wakeOne()"),
            new Mistake("the schedule function wakes an idle consumer before it queues the runnable", "7.2",
                    "AsyncRuntime.java",
                    """
                                queue.add(runnable);
                                idle.wakeOne();
                    """,
                    """
                                idle.wakeOne();
                                queue.add(runnable);
                    """,
                    "idle.wakeOne()"));

    private Path scratch;
    private WorkbookLayout layout;
    private ExerciseCatalog catalog;
    private StageBuild build;
    private final ExecutorService runs = Executors.newFixedThreadPool(PARALLEL_RUNS);
    private int builds;

    @BeforeAll
    void copyAndBuildTheFoundation(@TempDir Path scratch) throws IOException {
        this.scratch = scratch;
        Path root = WorkbookLayout.findFrom(Path.of("")).root();
        layout = WorkbookLayout.at(WorkbookCopy.pristine(root, scratch.resolve("workbook")));
        catalog = ExerciseCatalog.load(layout);
        build = new StageBuild(layout, scratch.resolve("build"));
    }

    @AfterAll
    void stop() {
        runs.shutdownNow();
        if (build != null) {
            build.close();
        }
    }

    @TestFactory
    @DisplayName("the tests of the exercise fail within 5 s each, and the first says where to look")
    Stream<DynamicTest> eachMistakeFailsFast() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Mistake mistake : MISTAKES) {
            Made made = make(mistake);
            StageTestRun exercise = made.tests().onlyTagged(List.of("exercise-" + mistake.exercise()));
            Future<TimedRun> done = runs.submit(() -> TimedRun.of(exercise, made.console()));
            tests.add(DynamicTest.dynamicTest(mistake.toString(), () -> assertFailsFast(mistake, done.get())));
        }
        return tests.stream();
    }

    private static void assertFailsFast(Mistake mistake, TimedRun run) {
        StageTestResults results = run.results();
        assertThat(results.completed()).as("the run completed: %s; it printed:%n%s", results.incompleteness(),
                run.console()).isTrue();
        assertThat(run.wall()).as("the run's wall time").isLessThan(RUN_BOUND);
        List<TestOutcome> failing = failing(results);
        assertThat(failing).as("the tests that fail").isNotEmpty();
        assertThat(failing).allSatisfy(test -> assertThat(test.elapsed()).as(test.summary()).isLessThan(TEST_BOUND));
        assertThat(messageOf(failing.getFirst())).as(failing.getFirst().summary())
                .contains(mistake.diagnosis());
    }

    @Test
    @EnabledIfSystemProperty(named = "workbook.mistakes.wholeStage", matches = "true")
    @DisplayName("measured: each mistake against its stage's whole suite")
    void measureWholeStages() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("| mistake | stage run | slowest failing test | message of the first failure |");
        rows.add("|---|---|---|---|");
        for (Mistake mistake : MISTAKES) {
            Made made = make(mistake);
            TimedRun run = TimedRun.of(made.tests(), made.console());
            List<TestOutcome> failing = failing(run.results());
            Duration slowest = failing.stream().map(TestOutcome::elapsed).max(Comparator.naturalOrder())
                    .orElse(Duration.ZERO);
            String message = failing.isEmpty() ? "(none failed)" : messageOf(failing.getFirst());
            rows.add("| %s | %.1f s%s | %.1f s | %s |".formatted(mistake, seconds(run.wall()),
                    run.results().completed() ? "" : " (" + run.results().incompleteness().orElseThrow() + ")",
                    seconds(slowest), message.replace('\n', ' ').replace("|", "\\|")));
        }
        System.out.println(String.join("\n", rows));
    }

    /** The stage of {@code mistake}, solved, with the mistake made in it, compiled under a name of its own. */
    private Made make(Mistake mistake) throws IOException {
        Stage stage = catalog.stages().stream().filter(candidate -> candidate.number() == mistake.stage())
                .findFirst().orElseThrow();
        Path learner = layout.stageSources(stage);
        Path solution = layout.solutionSources(stage);
        try (Stream<Path> files = Files.walk(solution)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, learner.resolve(solution.relativize(file).toString()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path file = learner.resolve(mistake.path());
        Files.writeString(file, mistake.madeIn(Files.readString(file)));
        String name = "mistake-" + ++builds;
        return switch (build.build(stage, learner, name)) {
            case StageBuild.Result.Compiled compiled -> new Made(compiled.tests(), scratch.resolve(name + ".console"));
            case StageBuild.Result.Failed failed -> throw new AssertionError(
                    "the stage with " + mistake + " does not compile: " + failed.errors().getFirst().describe(layout));
        };
    }

    private static String messageOf(TestOutcome test) {
        return String.valueOf(test.failure().message());
    }

    private static List<TestOutcome> failing(StageTestResults results) {
        return results.tests().stream().filter(test -> test.status() == TestOutcome.Status.FAILED).toList();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** A mistake's stage, compiled: its tests, and the file their JVM prints to. */
    private record Made(StageTestRun tests, Path console) {}

    /** A run's results, how long it took from start to end, and what its JVM printed. */
    record TimedRun(StageTestResults results, Duration wall, String console) {

        static TimedRun of(StageTestRun run, Path console) throws IOException {
            long start = System.nanoTime();
            StageTestResults results = run.withOutput(console).run(RUN_DEADLINE);
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            return new TimedRun(results, wall, Files.readString(console));
        }
    }
}
