package asyncqueues.workbook.tools;

import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one stage's tests against chosen main classes (the stubs, the solution, or a learner's
 * work) and reports each test's outcome.
 *
 * <p><b>Isolation.</b> A stage's stubs and its solution have the same class names, and a stage
 * keeps its queues in static fields, so no class of a stage may be shared between two runs. Each
 * run therefore loads the test classes, the main classes and the dependencies (async-task and
 * workbook-support) in a new class loader of its own. That loader's parent is the loader of these
 * tools, which supplies JUnit, AssertJ and Awaitility: those must be shared, because the launcher
 * here and the engine must agree on the JUnit classes the tests use. The parent is asked first, so
 * the tools' own class path must hold no workbook classes; it never does, as the tools depend on
 * no workbook module.
 *
 * <p><b>Discovery.</b> The tests run on a thread of the run whose context class loader is the
 * run's loader: the Jupiter engine loads the classes it finds under the test classes directory,
 * and the stage's {@code junit-platform.properties} if it has one, through that loader. Classes
 * are selected by Surefire's default rule (names {@code Test*}, {@code *Test}, {@code *Tests},
 * {@code *TestCase}), so a run sees the tests that {@code mvn test} runs.
 *
 * <p><b>Hung tests.</b> A learner's code that loses a wake leaves a test blocked, often in
 * {@code Futures.blockOn}, which an interrupt does not end; so a timeout that only interrupts the
 * test's thread (JUnit's default) would hold the whole run. Here a timeout runs the test on a
 * thread of its own and gives up on it when the time is up: a hung test fails after its
 * {@code @Timeout} ({@value #TEST_TIMEOUT} if it has none), and the tests after it still run.
 * This is the only way a run differs from {@code mvn test}, and only for a test that hangs.
 *
 * <p><b>Leftovers.</b> Threads that a stage starts (daemon consumer threads) may outlive the
 * run. They keep its class loader reachable, and may still need it to load a class, so the
 * loader is never closed; it is collected with its last thread. A run is waited for at most its
 * deadline: a run still going then is abandoned on its daemon thread and reported incomplete,
 * with the outcomes of the tests that finished.
 *
 * <p>While a run lasts, {@code System.out} and {@code System.err} are silenced: the chapter's
 * printouts would bury the tools' report. Tests that capture the console still see what they
 * capture. The system properties (a stage may configure its runtime through them) are put back
 * as they were when the run ends, so that they do not leak into the next run either.
 */
public final class StageTestRun {

    /** Surefire's default includes, as the launcher's class name patterns. */
    private static final String[] TEST_CLASS_NAMES = {
        "^(.*\\.)?Test[^.$]*$", "^(.*\\.)?[^.$]*Tests?$", "^(.*\\.)?[^.$]*TestCase$",
    };

    /** The timeout of a test that has no {@code @Timeout} of its own: far beyond any sound test. */
    static final String TEST_TIMEOUT = "30 s";

    /** Long enough for any stage's whole suite on a loaded machine; only a hung run meets it. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(120);

    private final Path testClasses;
    private final List<Path> classPath;

    /**
     * @param testClasses  the stage's compiled tests
     * @param mainClasses  the stage's compiled main code: stubs, solution, or a learner's
     * @param dependencies what the stage compiles against (async-task, workbook-support), and
     *                     any resource directories
     * @throws WorkbookException if one of the directories does not exist
     */
    public StageTestRun(Path testClasses, Path mainClasses, List<Path> dependencies) {
        this.testClasses = requireDirectory(testClasses);
        List<Path> path = new ArrayList<>(List.of(this.testClasses, requireDirectory(mainClasses)));
        dependencies.forEach(dependency -> path.add(requireDirectory(dependency)));
        this.classPath = List.copyOf(path);
    }

    private static Path requireDirectory(Path dir) {
        Objects.requireNonNull(dir, "a class directory must not be null");
        if (!Files.isDirectory(dir)) {
            throw new WorkbookException("no such class directory: " + dir);
        }
        return dir.toAbsolutePath().normalize();
    }

    /** Runs the tests, waiting at most {@link #DEFAULT_DEADLINE}. */
    public StageTestResults run() {
        return run(DEFAULT_DEADLINE);
    }

    /** Runs the tests, waiting at most {@code deadline} for them. */
    public StageTestResults run(Duration deadline) {
        URLClassLoader loader = new URLClassLoader("stage-tests", urls(), StageTestRun.class.getClassLoader());
        Outcomes outcomes = new Outcomes();
        AtomicReference<Throwable> launcherFailure = new AtomicReference<>();
        Thread runner = Thread.ofPlatform().name("stage-test-run").daemon().unstarted(() -> {
            try {
                LauncherFactory.create(launcherConfig()).execute(request(), outcomes);
            } catch (Throwable failure) { // anything that stops the platform is the run's result
                launcherFailure.set(failure);
            }
        });
        runner.setContextClassLoader(loader);
        boolean completed;
        Properties properties = (Properties) System.getProperties().clone();
        QuietConsole quiet = QuietConsole.start();
        try {
            runner.start();
            completed = runner.join(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            completed = false;
        } finally {
            quiet.close();
            restore(properties);
        }
        return new StageTestResults(outcomes.list(), completed, launcherFailure.get(), deadline);
    }

    /** Puts back the system properties a run found, in the same {@code Properties} object. */
    private static void restore(Properties before) {
        Properties now = System.getProperties();
        now.keySet().retainAll(before.keySet());
        now.putAll(before);
    }

    private URL[] urls() {
        List<URL> urls = new ArrayList<>();
        for (Path entry : classPath) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UncheckedIOException("cannot name " + entry + " by a URL", e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** The engines come from the class path; listeners and filters are only the ones given here. */
    private static LauncherConfig launcherConfig() {
        return LauncherConfig.builder()
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .build();
    }

    private LauncherDiscoveryRequest request() {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClasspathRoots(Set.of(testClasses)))
                .filters(ClassNameFilter.includeClassNamePatterns(TEST_CLASS_NAMES))
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.execution.timeout.default", TEST_TIMEOUT)
                .build();
    }

    /**
     * Collects what the launcher reports. Its methods run on the run's thread while
     * {@link #list()} may run on the caller's after a deadline, hence the lock.
     */
    private static final class Outcomes implements TestExecutionListener {

        /** Every test and container, in the order found: the plan's, then dynamic ones as registered. */
        private final Map<String, TestIdentifier> identifiers = new LinkedHashMap<>();
        private final Map<String, TestExecutionResult> results = new HashMap<>();
        private final Map<String, String> skipped = new HashMap<>();

        @Override
        public synchronized void testPlanExecutionStarted(TestPlan plan) {
            plan.getRoots().forEach(root -> addWithDescendants(plan, root));
        }

        private void addWithDescendants(TestPlan plan, TestIdentifier identifier) {
            identifiers.put(identifier.getUniqueId(), identifier);
            plan.getChildren(identifier).forEach(child -> addWithDescendants(plan, child));
        }

        @Override
        public synchronized void dynamicTestRegistered(TestIdentifier identifier) {
            identifiers.put(identifier.getUniqueId(), identifier);
        }

        @Override
        public synchronized void executionSkipped(TestIdentifier identifier, String reason) {
            skipped.put(identifier.getUniqueId(), reason);
        }

        @Override
        public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            results.put(identifier.getUniqueId(), result);
        }

        synchronized List<TestOutcome> list() {
            List<TestOutcome> outcomes = new ArrayList<>();
            for (TestIdentifier identifier : identifiers.values()) {
                if (identifier.isTest()) {
                    outcomes.add(testOutcome(identifier));
                } else {
                    TestExecutionResult result = results.get(identifier.getUniqueId());
                    if (result != null && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        outcomes.add(TestOutcome.of(displayPath(identifier), true, status(result),
                                result.getThrowable().orElse(null), null));
                    }
                }
            }
            return outcomes;
        }

        private TestOutcome testOutcome(TestIdentifier test) {
            List<String> path = displayPath(test);
            TestExecutionResult result = results.get(test.getUniqueId());
            if (result != null) {
                return TestOutcome.of(path, false, status(result), result.getThrowable().orElse(null), null);
            }
            for (TestIdentifier at = test; at != null; at = parent(at)) { // the nearest skip or failure above it
                String id = at.getUniqueId();
                if (skipped.containsKey(id)) {
                    return TestOutcome.of(path, false, TestOutcome.Status.SKIPPED, null, skipped.get(id));
                }
                Optional<Throwable> failure =
                        Optional.ofNullable(results.get(id)).flatMap(TestExecutionResult::getThrowable);
                if (failure.isPresent()) {
                    return TestOutcome.of(path, false, TestOutcome.Status.NOT_RUN, failure.get(), null);
                }
            }
            return TestOutcome.of(path, false, TestOutcome.Status.NOT_RUN, null, null);
        }

        /** The display names from the top container below the engine down to {@code identifier}. */
        private List<String> displayPath(TestIdentifier identifier) {
            List<String> path = new ArrayList<>();
            for (TestIdentifier at = identifier; at != null; at = parent(at)) {
                if (parent(at) != null || at == identifier) { // the engine names only its own failures
                    path.addFirst(at.getDisplayName());
                }
            }
            return path;
        }

        private TestIdentifier parent(TestIdentifier identifier) {
            Optional<String> parentId = identifier.getParentId();
            return parentId.map(identifiers::get).orElse(null);
        }

        private static TestOutcome.Status status(TestExecutionResult result) {
            return switch (result.getStatus()) {
                case SUCCESSFUL -> TestOutcome.Status.SUCCESSFUL;
                case ABORTED -> TestOutcome.Status.ABORTED;
                case FAILED -> TestOutcome.Status.FAILED;
            };
        }
    }
}
