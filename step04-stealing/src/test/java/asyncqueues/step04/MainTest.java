package asyncqueues.step04;

import static asyncqueues.step04.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.testing.CounterPrintout;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stage 4's program: its arguments, and its printout with {@code --fast}. */
@Timeout(30)
class MainTest {

    @Test
    @Timeout(30)
    @DisplayName("Exercise 4.1: Main --fast prints what the chapter's program prints")
    @Tag("exercise-4.1")
    void printsTheChaptersLines() throws Throwable {
        StageRuntime.startQueues(); // as Main's first two spawns would: it prints the same
        List<String> lines;
        try (ConsoleCapture console = ConsoleCapture.start()) {
            WORKERS.runWatched(() -> Main.main(new String[] {"--fast"}), () -> "Main.main did not return");
            lines = console.lines();
        }

        assertThat(lines).hasSize(11);
        for (int n = 1; n <= 3; n++) {
            assertThat(lines).filteredOn(("polling with result: " + n)::equals).hasSize(2);
        }
        assertThat(lines).filteredOn("async fn"::equals).hasSize(4);
        assertThat(lines).filteredOn("before the block"::equals).hasSize(1);
        CounterPrintout.assertEachCounterCountsInOrder(lines);
    }

    @Test
    @Timeout(30)
    @DisplayName("Exercise 4.1: Main sleeps five ticks after its spawns, then prints 'before the block' and joins them")
    @Tag("exercise-4.1")
    void sleepsFiveTicksBeforeTheBlock() throws Throwable {
        StageRuntime.startQueues();
        Duration tick = Duration.ofMillis(10);
        try (ConsoleCapture console = ConsoleCapture.start()) {
            FutureTask<Void> program = new FutureTask<>(() -> {
                Main.run(tick);
                return null;
            });
            long start = System.nanoTime();
            Thread.ofPlatform().name("main-under-test").daemon().start(program);
            WORKERS.awaitUntil(() -> console.lines().contains("before the block"),
                    () -> "Main.run did not print 'before the block'; it printed " + console.lines());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("from the start of main to 'before the block'")
                    .isGreaterThanOrEqualTo(tick.multipliedBy(5));
            WORKERS.awaitUntil(program::isDone, () -> "Main.run did not return: a task it blocks on did not finish;"
                    + " it printed " + console.lines());
            program.get(); // rethrows what it threw
        }
    }

    @Test
    void rejectsAnUnknownArgumentByName() {
        assertThatThrownBy(() -> Main.main(new String[] {"--slow"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--slow");
    }
}
