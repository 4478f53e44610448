package asyncqueues.step02;

import static asyncqueues.step02.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.workbook.Ticks;
import asyncqueues.workbook.testing.CounterPrintout;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Main")
@Timeout(30)
class MainTest {

    /**
     * With three consumers the lines interleave differently from run to run, so the test checks
     * what every run prints, not the order: each spawn's count, both counters' three polls, the
     * four async fns and "before the block"; and that main returns, having joined every task.
     */
    @Test
    @DisplayName("Exercise 2.1: Main --fast prints the stage's lines and joins every task")
    @Tag("exercise-2.1")
    void printsTheStagesLines() throws Exception {
        StageRuntime.requireWorkingPool();
        List<String> lines = WORKERS.printedBy(() -> Main.main(new String[] {"--fast"}), Ticks.FAST);

        assertThat(lines).filteredOn(line -> line.startsWith("Here is the queue count: ")).hasSize(3);
        CounterPrintout.assertTheChaptersFirstMain(
                lines.stream().filter(line -> !line.startsWith("Here is the queue count: ")).toList());
    }
}
