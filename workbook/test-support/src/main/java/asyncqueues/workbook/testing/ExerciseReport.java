package asyncqueues.workbook.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of a stage's test run, where each of its exercises stands and what to do
 * next (see {@link StageReport} for what it looks like). The JUnit Platform finds it through
 * {@code META-INF/services}, so it joins every run that has this module on its class path: a
 * stage's {@code mvn test}, or an IDE's run of a stage's tests. A run of no exercise's tests
 * prints nothing.
 *
 * <p>Where the stage's sources are comes from two system properties, which the root pom's
 * Surefire configuration sets: {@value #SOURCES} (the main sources: the learner's or, with
 * {@code -P solution}, the reference code) and {@value #TEST_SOURCES}; paths are shown relative
 * to {@value #ROOT}. Without them (an IDE run, say) the report names the exercises by number only.
 */
public final class ExerciseReport implements TestExecutionListener {

    static final String ROOT = "workbook.root";
    static final String SOURCES = "workbook.stage.sources";
    static final String TEST_SOURCES = "workbook.stage.testSources";

    private TestPlan plan;
    private final List<TestResult> results = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        results.clear();
        reported.clear();
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier identifier, String reason) {
        testsAtOrBelow(identifier).forEach(test -> record(test, false, null));
    }

    @Override
    public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        TestFailure failure = result.getThrowable().map(TestFailure::of).orElse(null);
        if (identifier.isTest()) {
            record(identifier, passed, failure);
        } else if (!passed) { // a failed container: its tests that did not run fail with it
            testsAtOrBelow(identifier).forEach(test -> record(test, false, failure));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (results.stream().anyMatch(result -> !result.exercises().isEmpty())) {
            StageReport report = new StageReport(results, path(SOURCES), path(TEST_SOURCES), path(ROOT));
            System.out.print(report.render());
            System.out.flush();
        }
    }

    private void record(TestIdentifier test, boolean passed, TestFailure failure) {
        if (reported.add(test.getUniqueId())) {
            List<String> tags = test.getTags().stream().map(TestTag::getName).toList();
            results.add(new TestResult(name(test), ExerciseTags.exercisesOf(tags), passed, failure));
        }
    }

    private List<TestIdentifier> testsAtOrBelow(TestIdentifier identifier) {
        if (identifier.isTest()) {
            return List.of(identifier);
        }
        return plan == null ? List.of() : plan.getDescendants(identifier).stream().filter(TestIdentifier::isTest).toList();
    }

    /** The display names from the test class down to {@code test}, joined by {@code " > "}. */
    private String name(TestIdentifier test) {
        List<String> names = new ArrayList<>();
        for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent(); at = at.flatMap(this::parent)) {
            if (parent(at.get()).isPresent()) { // the engine's own name is not part of it
                names.addFirst(at.get().getDisplayName());
            }
        }
        return String.join(" > ", names);
    }

    private Optional<TestIdentifier> parent(TestIdentifier identifier) {
        return plan == null ? Optional.empty() : plan.getParent(identifier);
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath().normalize();
    }
}
