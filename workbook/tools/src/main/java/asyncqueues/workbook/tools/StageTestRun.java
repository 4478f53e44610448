package asyncqueues.workbook.tools;

import asyncqueues.workbook.tools.TestEventLog.Event;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Runs one stage's tests against chosen main classes (the stubs, the solution, or a learner's
 * work) in a JVM of its own, and reports each test's outcome.
 *
 * <p><b>Isolation.</b> Each run is a new JVM ({@link ForkedTestRunner}) on a class path of the
 * stage's test classes, the chosen main classes, the foundation and the tools' own libraries.
 * Nothing of a stage survives from one run to the next (its queues are static fields, and its
 * stubs and solution have the same class names), and nothing the code under test does can reach
 * the caller: a consumer that spins, a {@code System.exit}, a heap filled to the brim. The JVM's
 * heap is bounded ({@value #HEAP}), and so is its time: a run still going at its deadline is
 * killed and reported incomplete, with the outcomes of the tests that finished and the name of
 * the one that was running.
 *
 * <p><b>What it reports.</b> The child writes every event to a log as it happens
 * ({@link TestEventLog}); the outcomes are read from it once the child has ended, however it
 * ended. The child's console output (the chapter's printouts) goes to a file, or nowhere.
 */
public final class StageTestRun {

    /** Long enough for any stage's whole suite on a loaded machine; only a hung run meets it. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(120);

    /** The heap of a run's JVM: ample for a stage's tests, small enough that a runaway one fails soon. */
    static final String HEAP = "512m";

    /** The status with which a JVM started with {@code -XX:+ExitOnOutOfMemoryError} ends on a full heap. */
    private static final int OUT_OF_MEMORY = 3;

    /** The test JVMs running now, which end with this one (on Ctrl-C in watch or progress, say). */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(StageTestRun::killQuietly),
                "stop-test-jvms"));
    }

    private final Path testClasses;
    private final List<Path> classPath;
    private final List<String> tags;
    private final Path output;
    private final List<String> jvmOptions;

    /**
     * @param testClasses  the stage's compiled tests
     * @param mainClasses  the stage's compiled main code: stubs, solution, or a learner's
     * @param dependencies what the stage compiles against (async-task, workbook-support), and
     *                     any resource directories
     * @throws WorkbookException if one of the directories does not exist
     */
    public StageTestRun(Path testClasses, Path mainClasses, List<Path> dependencies) {
        this(requireDirectory(testClasses), classPath(testClasses, mainClasses, dependencies), List.of(), null,
                List.of());
    }

    private StageTestRun(Path testClasses, List<Path> classPath, List<String> tags, Path output,
            List<String> jvmOptions) {
        this.testClasses = testClasses;
        this.classPath = classPath;
        this.tags = tags;
        this.output = output;
        this.jvmOptions = jvmOptions;
    }

    /**
     * The libraries' jars first, then every directory: the tools', the stage's and the
     * foundation's. (No class is in both; the order lets a class-data archive made of the jars
     * alone serve every run, see {@link #libraryJars()}.)
     */
    private static List<Path> classPath(Path testClasses, Path mainClasses, List<Path> dependencies) {
        Set<Path> path = new LinkedHashSet<>();
        ToolClassPath.entries().stream().filter(StageTestRun::isJar).forEach(path::add);
        path.add(requireDirectory(testClasses));
        path.add(requireDirectory(mainClasses));
        dependencies.forEach(dependency -> path.add(requireDirectory(dependency)));
        ToolClassPath.entries().stream().filter(entry -> !isJar(entry)).forEach(path::add);
        return List.copyOf(path);
    }

    private static boolean isJar(Path entry) {
        return entry.getFileName() != null && entry.getFileName().toString().endsWith(".jar");
    }

    private static Path requireDirectory(Path dir) {
        Objects.requireNonNull(dir, "a class directory must not be null");
        if (!Files.isDirectory(dir)) {
            throw new WorkbookException("no such class directory: " + dir);
        }
        return dir.toAbsolutePath().normalize();
    }

    /** The same run, of only the tests that carry one of {@code tags}. */
    public StageTestRun onlyTagged(Collection<String> tags) {
        return new StageTestRun(testClasses, classPath, List.copyOf(tags), output, jvmOptions);
    }

    /** The same run, with the JVM's console output written to {@code file} (else it is dropped). */
    public StageTestRun withOutput(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        return new StageTestRun(testClasses, classPath, tags, file, jvmOptions);
    }

    /** The same run, its JVM started with {@code options} too (a class-data archive, say). */
    StageTestRun withJvmOptions(List<String> options) {
        return new StageTestRun(testClasses, classPath, tags, output, List.copyOf(options));
    }

    /**
     * The jars at the head of the class path: the part that is the same in every run, and so the
     * part a class-data sharing archive can hold ({@code java -Xshare:dump} takes jars only).
     */
    List<Path> libraryJars() {
        return classPath.stream().takeWhile(StageTestRun::isJar).toList();
    }

    /** Runs the tests, waiting at most {@link #DEFAULT_DEADLINE}. */
    public StageTestResults run() {
        return run(DEFAULT_DEADLINE);
    }

    /** Runs the tests, waiting at most {@code deadline} for them. */
    public StageTestResults run(Duration deadline) {
        Path work = temporaryDirectory();
        try {
            Path events = work.resolve("events");
            Path console = output != null ? output : work.resolve("console.txt");
            Files.createDirectories(console.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(javaCommand(work, events))
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile().toFile()))
                    .start();
            RUNNING.add(process);
            boolean ended;
            try {
                ended = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
                if (!ended) {
                    kill(process);
                }
            } finally {
                RUNNING.remove(process);
            }
            return results(TestEventLog.read(events), ended, ended ? process.exitValue() : 0, console, deadline);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for the tests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbookException("interrupted while the tests ran", e);
        } finally {
            deleteRecursively(work);
        }
    }

    /** {@code java @args-file}: the argument file keeps a long class path off the command line. */
    private List<String> javaCommand(Path work, Path events) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-Djava.awt.headless=true"));
        arguments.addAll(jvmOptions);
        arguments.addAll(List.of(
                "-cp", String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()),
                ForkedTestRunner.class.getName(), events.toString(), testClasses.toString()));
        arguments.addAll(tags);
        Path argumentFile = work.resolve("java-arguments");
        Files.write(argumentFile, arguments.stream().map(StageTestRun::quoted).toList());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(java.toString(), "@" + argumentFile);
    }

    /** An argument as a {@code java} argument file reads it: in quotes, with {@code \} and {@code "} escaped. */
    private static String quoted(String argument) {
        return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void kill(Process process) throws InterruptedException {
        killQuietly(process);
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private static void killQuietly(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private StageTestResults results(List<Event> events, boolean ended, int exitStatus, Path console,
            Duration deadline) {
        Outcomes outcomes = new Outcomes(events);
        Optional<String> problem;
        Optional<Event> launcherFailure = events.stream().filter(e -> e.kind() == TestEventLog.Kind.LAUNCHER_FAILED)
                .findFirst();
        if (launcherFailure.isPresent()) {
            problem = Optional.of("the JUnit Platform could not run the tests: "
                    + launcherFailure.get().failure().headline());
        } else if (!ended) {
            problem = Optional.of("the tests did not finish within " + deadline.toSeconds() + " s and were stopped"
                    + outcomes.running().map(name -> "; still running: " + name).orElse(""));
        } else if (events.stream().noneMatch(e -> e.kind() == TestEventLog.Kind.DONE)) {
            problem = Optional.of("the tests' JVM ended before the tests did (exit status " + exitStatus + ")"
                    + outcomes.running().map(name -> ", while " + name + " ran").orElse("") + ": "
                    + (exitStatus == OUT_OF_MEMORY && mentionsOutOfMemory(console)
                            ? "its heap (" + HEAP + ") was full"
                            : "does the code under test call System.exit or Runtime.halt?"));
        } else {
            problem = Optional.empty();
        }
        return new StageTestResults(outcomes.list(), problem);
    }

    private static boolean mentionsOutOfMemory(Path console) {
        try (Stream<String> lines = Files.lines(console)) {
            return lines.anyMatch(line -> line.contains("OutOfMemoryError"));
        } catch (IOException | UncheckedIOException unreadable) {
            return false;
        }
    }

    private static Path nullFile() {
        return Path.of(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("workbook-tests-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory for a test run", e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** The outcome of every test and failed container, rebuilt from a run's events. */
    private static final class Outcomes {

        private final Map<String, Event> nodes = new LinkedHashMap<>();
        private final Map<String, Event> finished = new LinkedHashMap<>();
        private final Map<String, String> skipped = new LinkedHashMap<>();
        private final Map<String, Long> started = new LinkedHashMap<>();

        Outcomes(List<Event> events) {
            for (Event event : events) {
                switch (event.kind()) {
                    case NODE -> nodes.put(event.id(), event);
                    case STARTED -> started.put(event.id(), event.nanos());
                    case SKIPPED -> skipped.put(event.id(), event.reason());
                    case FINISHED -> finished.put(event.id(), event);
                    case LAUNCHER_FAILED, DONE -> { }
                }
            }
        }

        /** The display name of the test that had started and not finished, if the run stopped in one. */
        Optional<String> running() {
            return started.keySet().stream()
                    .filter(id -> !finished.containsKey(id) && nodes.containsKey(id) && nodes.get(id).test())
                    .reduce((first, last) -> last)
                    .map(id -> String.join(" > ", displayPath(nodes.get(id))));
        }

        List<TestOutcome> list() {
            List<TestOutcome> outcomes = new ArrayList<>();
            for (Event node : nodes.values()) {
                if (node.test()) {
                    outcomes.add(testOutcome(node));
                } else {
                    Event result = finished.get(node.id());
                    if (result != null && result.status() != TestExecutionResult.Status.SUCCESSFUL) {
                        outcomes.add(TestOutcome.of(displayPath(node), node.tags(), true, status(result.status()),
                                result.failure(), null));
                    }
                }
            }
            return outcomes;
        }

        private TestOutcome testOutcome(Event test) {
            List<String> path = displayPath(test);
            Event result = finished.get(test.id());
            if (result != null) {
                Duration elapsed = started.containsKey(test.id())
                        ? Duration.ofNanos(result.nanos() - started.get(test.id()))
                        : Duration.ZERO;
                return TestOutcome.of(path, test.tags(), false, status(result.status()), result.failure(), null)
                        .took(elapsed);
            }
            if (started.containsKey(test.id())) {
                return TestOutcome.of(path, test.tags(), false, TestOutcome.Status.STOPPED, null, null);
            }
            for (Event at = test; at != null; at = parent(at)) { // the nearest skip or failure above it
                if (skipped.containsKey(at.id())) {
                    return TestOutcome.of(path, test.tags(), false, TestOutcome.Status.SKIPPED, null,
                            skipped.get(at.id()));
                }
                Event failed = finished.get(at.id());
                if (failed != null && failed.failure() != null) {
                    return TestOutcome.of(path, test.tags(), false, TestOutcome.Status.NOT_RUN, failed.failure(),
                            null);
                }
            }
            return TestOutcome.of(path, test.tags(), false, TestOutcome.Status.NOT_RUN, null, null);
        }

        /** The display names from the top container below the engine down to {@code node}. */
        private List<String> displayPath(Event node) {
            List<String> path = new ArrayList<>();
            for (Event at = node; at != null; at = parent(at)) {
                if (parent(at) != null || at == node) { // the engine names only its own failures
                    path.addFirst(at.displayName());
                }
            }
            return path;
        }

        private Event parent(Event node) {
            return node.parentId() == null ? null : nodes.get(node.parentId());
        }

        private static TestOutcome.Status status(TestExecutionResult.Status status) {
            return switch (status) {
                case SUCCESSFUL -> TestOutcome.Status.SUCCESSFUL;
                case ABORTED -> TestOutcome.Status.ABORTED;
                case FAILED -> TestOutcome.Status.FAILED;
            };
        }
    }
}
