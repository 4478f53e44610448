package asyncqueues.step01;

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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** spawnTask on a queue of the test's own, with no consumer: the test runs the runnables itself. */
@DisplayName("Exercise 1.2: spawnTask")
@Tag("exercise-1.2")
@Timeout(30)
class SpawnTaskTest {

    private static final String NOTHING_QUEUED = "spawnTask returned, but the queue is empty: did it call"
            + " runnable.schedule()? (AsyncTask.spawn queues nothing by itself)";

    private final BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();

    /** The runnable at the head of the queue, taken; fails, saying where to look, if there is none. */
    private TaskRunnable queued() {
        TaskRunnable runnable = queue.poll();
        assertThat(runnable).as(NOTHING_QUEUED).isNotNull();
        return runnable;
    }

    @Test
    @DisplayName("puts the task's runnable on the queue, prints the queue count, and polls nothing")
    void queuesWithoutPolling() {
        AtomicInteger polls = new AtomicInteger();
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Task<String> first = AsyncRuntime.spawnTask(cx -> {
                polls.incrementAndGet();
                return Poll.ready("first");
            }, () -> queue);
            Task<String> second = AsyncRuntime.spawnTask(Futures.ready("second"), () -> queue);

            assertThat(queue).as(queue.isEmpty() ? NOTHING_QUEUED : "the runnables of the two spawns").hasSize(2);
            assertThat(console.lines()).containsExactly(
                    "Here is the queue count: 1", "Here is the queue count: 2");
            assertThat(polls).as("polls before a consumer ran the runnable").hasValue(0);
            assertThat(first.isFinished()).isFalse();
            assertThat(second.isFinished()).isFalse();
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("returns the task that running the queued runnable completes")
    void returnsTheTask() {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Task<String> task = AsyncRuntime.spawnTask(Futures.ready("value"), () -> queue);

            queued().run();

            assertThat(console.lines()).containsExactly("Here is the queue count: 1");
            assertThat(task.isFinished()).isTrue();
            assertThat(Futures.blockOn(task)).isEqualTo("value");
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("schedules a woken task back onto the same queue")
    void wokenTaskComesBackToTheQueue() {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Task<Integer> task = AsyncRuntime.spawnTask(TestFutures.readyOnPoll(2), () -> queue);

            queued().run(); // Pending, after waking itself
            assertThat(queue).as("the woken task, queued again").hasSize(1);
            queued().run(); // Ready

            assertThat(queue).isEmpty();
            assertThat(Futures.blockOn(task)).isEqualTo(2);
            assertThat(console.lines()).as("printed by the spawn, not by the wake")
                    .containsExactly("Here is the queue count: 1");
        }
    }
}
