package asyncqueues.step02;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.Ticks;
import asyncqueues.workbook.testing.ThreadReport;
import asyncqueues.workbook.testing.Within;
import asyncqueues.workbook.testing.Workers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Main")
@Timeout(30)
class MainTest {

    /** Main --fast runs for about 10 ticks of 50 ms. */

    private static final Duration FIVE_FAST_TICKS = Ticks.FAST.multipliedBy(5);

    @Test
    @DisplayName("rejects any argument but --fast, naming it (Ticks, in workbook-support, reads them)")
    void parsesArguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> Main.main(new String[] {"--slow"}))
                .withMessageContaining("--slow");
    }

    /**
     * With three consumers the lines interleave differently from run to run, so the test checks
     * what every run prints, not the order: each spawn's count, both counters' three polls, the
     * four async fns and "before the block"; and that main returns, having joined every task.
     */
    @Test
    @Timeout(30)
    @DisplayName("Exercise 2.1: Main --fast prints the stage's lines and joins every task")
    @Tag("exercise-2.1")
    void printsTheStagesLines() throws Exception {
        StageRuntime.requireWorkingPool();
        List<String> lines;
        try (ConsoleCapture console = ConsoleCapture.start()) {
            FutureTask<Void> program = new FutureTask<>(() -> {
                Main.main(new String[] {"--fast"});
                return null;
            });
            long start = System.nanoTime();
            Thread.ofPlatform().name("main-under-test").daemon().start(program);
            Within.await(Workers.MAIN_RETURNS, () -> console.lines().contains("before the block"),
                    () -> "Main.main did not print 'before the block'; it printed " + console.lines());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("from the start of main to 'before the"
                    + " block': main sleeps five ticks after its spawns").isGreaterThanOrEqualTo(FIVE_FAST_TICKS);
            Within.await(Workers.MAIN_RETURNS, program::isDone, () -> "Main.main did not return: it waits for a task that"
                    + " does not finish. A task whose runnable was never queued (runnable.schedule()), or whose future"
                    + " returned Pending without a wake (cx.waker().wake()), never finishes ("
                    + ThreadReport.describe(ThreadReport.liveThreadsNamed("queue-worker-\\d+")) + "); its last lines: "
                    + console.lines());
            program.get(); // rethrows what main threw
            lines = console.lines();
        }

        assertThat(lines).filteredOn(line -> line.startsWith("Here is the queue count: ")).hasSize(3);
        assertThat(lines).filteredOn(line -> !line.startsWith("Here is the queue count: "))
                .containsExactlyInAnyOrder(
                        "polling with result: 1", "polling with result: 1",
                        "polling with result: 2", "polling with result: 2",
                        "polling with result: 3", "polling with result: 3",
                        "async fn", "async fn", "async fn", "async fn",
                        "before the block");
    }
}
