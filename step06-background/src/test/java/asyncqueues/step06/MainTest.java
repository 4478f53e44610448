package asyncqueues.step06;

import static asyncqueues.step06.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.workbook.testing.IsolatedStage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** Stage 6's program: its printout with {@code --fast}, and the runtime it configures. */
@Timeout(30)
class MainTest {

    @Test
    @DisplayName("Exercises 6.1, 6.2: Main --fast configures four HIGH and two LOW consumer threads, as the"
            + " chapter's does, and fires the background process while the other work runs")
    @Tag("exercise-6.1")
    @Tag("exercise-6.2")
    void configuresTheRuntimeAndFiresTheProcess() throws Throwable {
        // Main configures the runtime, which a JVM allows once, and leaves a process running
        // for good: it runs in a world of its own, which ends with the test.
        IsolatedStage.run(RunMain.class);
    }

    static final class RunMain implements Executable {
        @Override
        public void execute() throws Throwable {
            List<String> lines = WORKERS.printedBy(() -> Main.main(new String[] {"--fast"}));

            assertThat(IsolatedStage.workerNames()).as("the consumer threads once Main has returned").containsExactly(
                    "high-worker-1", "high-worker-2", "high-worker-3", "high-worker-4", "low-worker-1", "low-worker-2");
            assertThat(System.getProperty(AsyncRuntime.HIGH_NUM)).as("HIGH_NUM, which run() publishes").isEqualTo("4");
            assertThat(System.getProperty(AsyncRuntime.LOW_NUM)).as("LOW_NUM, which run() publishes").isEqualTo("2");

            for (int n = 1; n <= 3; n++) {
                assertThat(lines).filteredOn(("polling with result: " + n)::equals).hasSize(2);
            }
            assertThat(lines).filteredOn("async fn"::equals).hasSize(1);
            assertThat(lines).contains("outcome: [3, 3]");
            int firstFiring = lines.indexOf("background process firing");
            assertThat(firstFiring).as("the background process fired (Main.run must start it and let go of its task"
                    + " without stopping it)").isNotNegative();
            assertThat(firstFiring).as("it fired before the other work was done")
                    .isLessThan(lines.indexOf("outcome: [3, 3]"));
            assertThat(lines).as("nothing else is printed").allMatch(line -> line.equals("background process firing")
                    || line.startsWith("polling with result: ") || line.equals("async fn")
                    || line.equals("outcome: [3, 3]"));
        }
    }
}
