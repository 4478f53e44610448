package asyncqueues.step01;

import static asyncqueues.step01.StageRuntime.WORKERS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Poll;
import asyncqueues.task.Task;
import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.Ticks;
import asyncqueues.workbook.testing.ConsumerThread;
import asyncqueues.workbook.testing.MainRun;
import asyncqueues.workbook.testing.Within;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Main")
@Timeout(30)
class MainTest {

    /** The chapter's printout, without "before the block", whose place depends on timing. */
    private static final List<String> CHAPTER_PRINTOUT = List.of(
            "Here is the queue count: 1",
            "Here is the queue count: 2",
            "Here is the queue count: 3",
            "runnable accepted",
            "polling with result: 1",
            "runnable accepted",
            "polling with result: 1",
            "runnable accepted",
            "async fn",
            "async fn",
            "async fn",
            "async fn",
            "runnable accepted",
            "polling with result: 2",
            "runnable accepted",
            "polling with result: 2",
            "runnable accepted",
            "polling with result: 3",
            "runnable accepted",
            "polling with result: 3");

    /**
     * The queue count is only 1, 2, 3 if the consumer takes nothing while main spawns; in the
     * chapter that holds because the consumer thread is just starting. Here the test makes it
     * hold: it first occupies the one consumer with a task that waits for the test's release.
     */
    @Test
    @DisplayName("Exercises 1.1, 1.2, 1.3: Main --fast prints the chapter's printout and joins every task")
    @Tag("exercise-1.1")
    @Tag("exercise-1.2")
    @Tag("exercise-1.3")
    void printsTheChaptersPrintout() throws Exception {
        ConsumerThread.requireWorking(AsyncRuntime::consume);
        CountDownLatch occupied = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> lines;
        try {
            Task<Boolean> occupant;
            try (ConsoleCapture quiet = ConsoleCapture.start()) { // its queue count and "runnable accepted"
                occupant = AsyncRuntime.spawnTask(cx -> {
                    occupied.countDown();
                    return Poll.ready(awaitQuietly(release));
                });
                Within.await(Within.MOMENT, () -> occupied.getCount() == 0, () -> "the consumer did not take the"
                        + " occupying task: " + WORKERS.whyNotFinished(occupant, "it is never Pending"));
            }

            try (MainRun main = WORKERS.startMain(() -> Main.main(new String[] {"--fast"}))) {
                main.awaitPrinted(printed -> queueCounts(printed).size() == 3, "its three queue counts");
                release.countDown();
                lines = main.awaitReturn(Ticks.FAST); // main returned: every task was joined
            }
            assertThat(WORKERS.awaitValue(occupant, "it is never Pending"))
                    .as("the occupant was released, not timed out").isTrue();
        } finally {
            release.countDown();
        }

        List<String> withoutBeforeTheBlock = new ArrayList<>(lines);
        withoutBeforeTheBlock.remove("before the block");
        assertThat(withoutBeforeTheBlock).containsExactlyElementsOf(CHAPTER_PRINTOUT);
        assertThat(lines).containsOnlyOnce("before the block");
        assertThat(lines.indexOf("before the block"))
                .isGreaterThan(lines.indexOf("Here is the queue count: 3"));
    }

    private static List<String> queueCounts(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("Here is the queue count: ")).toList();
    }

    /** Waits for the latch, for a bounded time, so the consumer is never held for good. */
    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(20, SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
