package asyncqueues.workbook.tools;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The maintainers' check of this workbook ({@code mvn -P check verify} runs it last, once every
 * stage and solution is compiled): one test per {@link WorkbookCheck} fact, grouped by stage, so
 * that the build's report names every failing fact with what to do about it.
 */
@DisplayName("The workbook check")
class WorkbookCheckTest {

    /** The workbook's stages: a check that found fewer would pass without checking them. */
    private static final int STAGES = 7;

    /**
     * Set (by {@code .ci/run}) to check the repository itself, in which every exercise region must
     * hold its stub; without it, regions holding a learner's code are reported and left alone.
     */
    static final String PRISTINE = "workbook.check.pristine";

    @TestFactory
    @Timeout(600) // the factory only; each stage's runs are bounded by StageTestRun.DEFAULT_DEADLINE
    Stream<DynamicNode> everyStage() {
        WorkbookLayout layout = WorkbookLayout.findFrom(Path.of(System.getProperty("basedir", "")));
        ExerciseCatalog catalog;
        try {
            catalog = ExerciseCatalog.load(layout);
        } catch (WorkbookException damaged) {
            return Stream.of(dynamicTest("the exercise catalog loads", () -> {
                throw new AssertionError(damaged.getMessage(), damaged);
            }));
        }
        WorkbookCheck check = new WorkbookCheck(layout, catalog, Boolean.getBoolean(PRISTINE));
        if (catalog.stages().size() != STAGES) {
            return Stream.of(dynamicTest("the workbook has its " + STAGES + " stages", () -> {
                throw new AssertionError("found " + catalog.stages().size() + " stage modules under "
                        + layout.root() + ", not " + STAGES + ": " + catalog.stages());
            }));
        }
        return catalog.stages().stream().map(stage -> dynamicContainer(stage.module(),
                Stream.of(stage).flatMap(lazily -> check.facts(lazily).stream())
                        .map(fact -> dynamicTest(fact.name(), () -> fact.verify(stage.module())))));
    }

    /**
     * In a learner's clone the check runs all the same, on stubs it makes from the solutions, and
     * leaves the learner's code alone; this says so on the console, where the learner reads it.
     */
    @AfterAll
    static void sayWhereTheLearnersCodeIs() {
        WorkbookLayout layout = WorkbookLayout.findFrom(Path.of(System.getProperty("basedir", "")));
        List<Stubs.LearnerRegion> regions = ExerciseCatalog.load(layout).stages().stream()
                .flatMap(stage -> Stubs.compare(layout, stage).learnerRegions().stream())
                .sorted(Comparator.comparing(Stubs.LearnerRegion::exercise))
                .toList();
        if (!regions.isEmpty()) {
            System.out.println("The workbook check ran on stubs made from the solutions. These exercise regions"
                    + " hold a learner's code, which it left as it is:");
            regions.forEach(region -> System.out.println("  exercise " + region.exercise() + ": " + region.file() + ":"
                    + region.line()));
        }
    }
}
