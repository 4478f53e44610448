package asyncqueues.step03;

import static asyncqueues.step03.FutureOrderLabel.labelled;
import static asyncqueues.step03.FutureType.HIGH;
import static asyncqueues.step03.FutureType.LOW;
import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Futures;
import asyncqueues.task.Poll;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.testing.TestFutures;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * spawnTask with queues of the test's own and no consumers: the test runs the runnables itself.
 * The queue a future must not go to is a supplier that fails the test if it is even asked.
 */
@DisplayName("Exercise 3.2: spawnTask routes by the future's label")
@Tag("exercise-3.2")
@Timeout(30)
class SpawnTaskTest {

    private final BlockingQueue<TaskRunnable> high = new LinkedBlockingQueue<>();
    private final BlockingQueue<TaskRunnable> low = new LinkedBlockingQueue<>();

    private static final String NOTHING_QUEUED = "spawnTask returned, but the queue is empty: did it call"
            + " runnable.schedule()? (AsyncTask.spawn queues nothing by itself)";

    /** The runnable at the head of {@code queue}, taken; fails, saying where to look, if there is none. */
    private static TaskRunnable queued(BlockingQueue<TaskRunnable> queue) {
        TaskRunnable runnable = queue.poll();
        assertThat(runnable).as(NOTHING_QUEUED).isNotNull();
        return runnable;
    }

    private static Supplier<BlockingQueue<TaskRunnable>> untouched(String which) {
        return () -> {
            throw new AssertionError("the " + which + " queue was asked for (and so started) for a future not labelled " + which);
        };
    }

    @Test
    @DisplayName("puts a HIGH future on the HIGH queue only, polling nothing and printing nothing")
    void highGoesToTheHighQueue() {
        AtomicInteger polls = new AtomicInteger();
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Task<String> task = AsyncRuntime.spawnTask(labelled(HIGH, cx -> {
                polls.incrementAndGet();
                return Poll.ready("high");
            }), () -> high, untouched("LOW"));
            AsyncRuntime.spawnTask(labelled(HIGH, Futures.ready("another")), () -> high, untouched("LOW"));

            assertThat(high).as(high.isEmpty() ? NOTHING_QUEUED : "the runnables on the HIGH queue").hasSize(2);
            assertThat(console.lines()).as("what spawnTask printed (the chapter's stage 3 prints no queue count)").isEmpty();
            assertThat(polls).hasValue(0);
            queued(high).run();
            assertThat(Futures.blockOn(task)).isEqualTo("high");
        }
    }

    @Test
    @DisplayName("puts a LOW future on the LOW queue only, printing nothing")
    void lowGoesToTheLowQueue() {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Task<String> task = AsyncRuntime.spawnTask(labelled(LOW, Futures.ready("low")), untouched("HIGH"), () -> low);

            assertThat(low).as(low.isEmpty() ? NOTHING_QUEUED : "the runnables on the LOW queue").hasSize(1);
            assertThat(console.lines()).as("what spawnTask printed (the chapter's stage 3 prints no queue count)").isEmpty();
            queued(low).run();
            assertThat(Futures.blockOn(task)).isEqualTo("low");
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("schedules a woken task back onto the queue of its label")
    void wokenTaskStaysOnItsQueue() {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Task<Integer> task = AsyncRuntime.spawnTask(labelled(LOW, TestFutures.readyOnPoll(2)), () -> high, () -> low);

            queued(low).run(); // Pending, after waking itself
            assertThat(low).as("the woken task, queued again on LOW").hasSize(1);
            assertThat(high).isEmpty();
            queued(low).run();

            assertThat(Futures.blockOn(task)).isEqualTo(2);
            assertThat(console.lines()).as("what spawnTask printed (the chapter's stage 3 prints no queue count)").isEmpty();
        }
    }
}
