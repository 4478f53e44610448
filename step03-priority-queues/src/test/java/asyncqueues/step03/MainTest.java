package asyncqueues.step03;

import static asyncqueues.step03.StageRuntime.WORKERS;

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
     * The tasks run on two consumers at once (the two LOW ones after each other), so the test
     * checks what is printed, not the order.
     */
    @Test
    @DisplayName("Exercises 3.1, 3.2: Main --fast prints the stage's lines and joins every task")
    @Tag("exercise-3.1")
    @Tag("exercise-3.2")
    void printsTheStagesLines() throws Exception {
        StageRuntime.requireWorkingPools();
        List<String> lines = WORKERS.printedBy(() -> Main.main(new String[] {"--fast"}), Ticks.FAST);

        CounterPrintout.assertTheChaptersFirstMain(lines); // no queue counts in stage 3
    }
}
