package asyncqueues.step04;

import static asyncqueues.step04.StageRuntime.WORKERS;

import asyncqueues.workbook.Ticks;
import asyncqueues.workbook.testing.CounterPrintout;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stage 4's program, stage 3's carried over: its printout with {@code --fast}, on the stealing runtime. */
@Timeout(30)
class MainTest {

    @Test
    @DisplayName("Exercise 4.1: Main --fast prints what the chapter's program prints, 'before the block' five"
            + " ticks in, and returns")
    @Tag("exercise-4.1")
    void printsTheChaptersLines() throws Throwable {
        StageRuntime.startQueues(); // as Main's first two spawns would: it prints the same
        List<String> lines = WORKERS.printedBy(() -> Main.main(new String[] {"--fast"}), Ticks.FAST);

        CounterPrintout.assertTheChaptersFirstMain(lines);
    }
}
