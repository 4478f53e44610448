package asyncqueues.step05;

import static asyncqueues.step05.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.workbook.testing.CounterPrintout;
import asyncqueues.workbook.testing.IsolatedStage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** Stage 5's program: its printout with {@code --fast}, and the runtime it configures. */
@Timeout(30)
class MainTest {

    @Test
    @DisplayName("Exercises 5.1, 5.2, 5.4: Main --fast configures the runtime first, new AsyncRuntime().run() with"
            + " the default numbers, then prints what the chapter's program prints, and the outcomes")
    @Tag("exercise-5.1")
    @Tag("exercise-5.2")
    @Tag("exercise-5.4")
    void configuresTheRuntimeThenPrintsTheChaptersLines() throws Throwable {
        // Main configures the runtime with run(), which a JVM allows once: a world of its own.
        IsolatedStage.run(RunMain.class);
    }

    /** As if started without -D options: run() publishes the defaults, and the queues start with them. */
    static final class RunMain implements Executable {
        @Override
        public void execute() throws Throwable {
            System.clearProperty(AsyncRuntime.HIGH_NUM); // IsolatedStage puts them back afterwards
            System.clearProperty(AsyncRuntime.LOW_NUM);
            List<String> lines = WORKERS.printedBy(() -> Main.main(new String[] {"--fast"}));

            int high = AsyncRuntime.defaultCount(FutureType.HIGH);
            assertThat(System.getProperty(AsyncRuntime.HIGH_NUM))
                    .as("HIGH_NUM, which run() publishes: does Main begin with new AsyncRuntime().run()?")
                    .isEqualTo(Integer.toString(high));
            assertThat(System.getProperty(AsyncRuntime.LOW_NUM)).as("LOW_NUM, which run() publishes").isEqualTo("1");
            List<String> expected = new ArrayList<>();
            IntStream.rangeClosed(1, high).forEach(n -> expected.add("high-worker-" + n));
            expected.add("low-worker-1");
            assertThat(IsolatedStage.workerNames()).containsExactlyInAnyOrderElementsOf(expected);

            assertThat(lines).hasSize(11);
            for (int n = 1; n <= 3; n++) {
                assertThat(lines).filteredOn(("polling with result: " + n)::equals).hasSize(2);
            }
            assertThat(lines).filteredOn("async fn"::equals).hasSize(3);
            assertThat(lines.subList(9, 11)).containsExactly(
                    "outcome: [3, 3]", "outcome two: [null, null]");
            CounterPrintout.assertEachCounterCountsInOrder(lines);
        }
    }
}
