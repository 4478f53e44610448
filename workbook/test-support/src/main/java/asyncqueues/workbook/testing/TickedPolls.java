package asyncqueues.workbook.testing;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import asyncqueues.task.Waker;
import asyncqueues.workbook.ConsoleCapture;
import java.time.Duration;

/**
 * Checks of one poll of a future that sleeps a tick on its thread when polled, as the chapter's
 * {@code CounterFuture}, {@code async fn} and {@code BackgroundProcess} do: that the poll holds
 * its thread for the tick, and that an interrupt (how a consumer is stopped) survives it.
 */
public final class TickedPolls {

    private TickedPolls() {}

    /**
     * Polls {@code future}, made with {@code tick}, once, and fails unless the poll returned
     * {@code expected}, printed only {@code printed}, and held the polling thread for the tick.
     */
    public static void assertPollHoldsItsThread(Future<?> future, Duration tick, Poll<?> expected, String printed) {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            long start = System.nanoTime();
            assertThat(future.poll(new Context(Waker.noop()))).isEqualTo(expected);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the poll's length: a tick")
                    .isGreaterThanOrEqualTo(tick);
            assertThat(console.lines()).containsExactly(printed);
        }
    }

    /**
     * Polls {@code future}, made with the chapter's one-second tick, once on this thread with its
     * interrupt status set: the tick's sleep ends at once. Fails unless the poll returned
     * {@code expected}, printed {@code printed}, and left the status set, for the consumer's loop
     * to see (a sleep that swallows it keeps the consumer from stopping). Clears it afterwards, so
     * that the thread is as it was.
     */
    public static void assertPollKeepsAnInterrupt(Future<?> future, Poll<?> expected, String printed) {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Thread.currentThread().interrupt();
            assertThat(future.poll(new Context(Waker.noop()))).isEqualTo(expected);
            assertThat(Thread.currentThread().isInterrupted()).as("the thread's interrupt status after the poll"
                    + " (does the poll sleep with Ticks.sleep(tick), which keeps it?)").isTrue();
            assertThat(console.lines()).containsExactly(printed);
        } finally {
            Thread.interrupted();
        }
    }
}
