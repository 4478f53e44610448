package asyncqueues.step02;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.testing.TestFutures;
import asyncqueues.workbook.testing.Within;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chapter's first step of this stage, run: two consumers written out one by one on the one
 * queue ({@code queue_one} and {@code queue_two}, clones of the receiver), before
 * {@code startConsumers} puts them in a loop. A {@link BlockingQueue} is both ends of the
 * channel, so each consumer takes from the queue itself.
 */
@Timeout(30)
class TwoConsumersTest {

    @Test
    @DisplayName("the chapter's queue_one and queue_two: two consumers on one queue run two tasks at once")
    void twoConsumersWrittenOutRunTwoTasksAtOnce() throws Exception {
        BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
        Thread queueOne = Thread.ofPlatform().daemon().name("queue-worker-1").start(() -> AsyncRuntime.consume(queue));
        Thread queueTwo = Thread.ofPlatform().daemon().name("queue-worker-2").start(() -> AsyncRuntime.consume(queue));
        try (ConsoleCapture counts = ConsoleCapture.start()) { // spawnTask's "Here is the queue count: N"
            for (int round = 0; round < 10; round++) {
                CyclicBarrier bothRunning = new CyclicBarrier(2); // each task waits until the other runs
                List<Task<String>> tasks = List.of(
                        AsyncRuntime.spawnTask(TestFutures.meetingAt(bothRunning), () -> queue),
                        AsyncRuntime.spawnTask(TestFutures.meetingAt(bothRunning), () -> queue));

                List<String> ranOn = new ArrayList<>();
                for (Task<String> task : tasks) {
                    ranOn.add(Within.call(Within.MOMENT, () -> Futures.blockOn(task),
                            () -> "the two tasks did not both finish: " + tasks));
                }
                assertThat(ranOn).as("round %d: the threads that ran the two tasks", round)
                        .containsExactlyInAnyOrder("queue-worker-1", "queue-worker-2");
            }
        } finally {
            queueOne.interrupt(); // an interrupt ends a consumer's loop
            queueTwo.interrupt();
        }
    }
}
