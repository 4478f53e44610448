package asyncqueues.workbook.tools;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.stream.Stream;
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
    private static final int STAGES = 6;

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
        WorkbookCheck check = new WorkbookCheck(layout, catalog);
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
}
