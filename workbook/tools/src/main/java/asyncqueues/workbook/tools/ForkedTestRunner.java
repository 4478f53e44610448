package asyncqueues.workbook.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the JVM in which {@link StageTestRun} runs a stage's tests: it runs the tests
 * under one class directory, writes what happens to an event log, and ends its JVM.
 *
 * <p>Arguments: {@code EVENT_LOG TEST_CLASSES [TAG...]}. Test classes are chosen by Surefire's
 * default rule (names {@code Test*}, {@code *Test}, {@code *Tests}, {@code *TestCase}), so a run
 * sees the tests that {@code mvn test} runs; given tags, only the tests that carry one of them.
 * Only the log's listener is registered: no listener, filter or session listener of the class
 * path's own (the stage report, say) joins in.
 *
 * <p>A test without a {@code @Timeout} of its own gets {@value #TEST_TIMEOUT}, and every timed
 * test runs on a thread of its own: {@code Futures.blockOn} does not give up on an interrupt, so
 * only a separate thread lets a hung test fail at its timeout and the run go on. The JVM is ended
 * with {@link Runtime#halt} once the log is written, as threads the stage started may still run.
 */
final class ForkedTestRunner {

    /** The timeout of a test that has no {@code @Timeout} of its own: far beyond any sound test. */
    static final String TEST_TIMEOUT = "30 s";

    /** Surefire's default includes, as the launcher's class name patterns. */
    private static final String[] TEST_CLASS_NAMES = {
        "^(.*\\.)?Test[^.$]*$", "^(.*\\.)?[^.$]*Tests?$", "^(.*\\.)?[^.$]*TestCase$",
    };

    static final int LAUNCHER_FAILED = 2;

    private ForkedTestRunner() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ForkedTestRunner EVENT_LOG TEST_CLASSES [TAG...]");
            Runtime.getRuntime().halt(LAUNCHER_FAILED);
        }
        int status = 0;
        try (TestEventLog.Writer log = new TestEventLog.Writer(Path.of(args[0]))) {
            try {
                List<String> tags = List.of(args).subList(2, args.length);
                LauncherFactory.create(launcherConfig()).execute(request(Path.of(args[1]), tags), log);
            } catch (Throwable failure) { // anything that stops the platform is the run's result
                log.launcherFailed(failure);
                status = LAUNCHER_FAILED;
            }
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
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

    private static LauncherDiscoveryRequest request(Path testClasses, List<String> tags) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClasspathRoots(Set.of(testClasses)))
                .filters(ClassNameFilter.includeClassNamePatterns(TEST_CLASS_NAMES))
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.execution.timeout.default", TEST_TIMEOUT);
        if (!tags.isEmpty()) {
            request.filters(TagFilter.includeTags(new ArrayList<>(tags)));
        }
        return request.build();
    }
}
