package asyncqueues.step02;

import static asyncqueues.step02.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.testing.IsolatedStage;
import asyncqueues.workbook.testing.TestFutures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * Stage 1's runtime with three consumers on its one queue: spawns as stage 1's (its tests carried
 * over), consumers started by {@code startConsumers}. The queue and its consumers live as long
 * as the JVM, so no test assumes what ran before it, and none leaves anything queued or blocked;
 * one that needs the runtime not yet started runs in a world of its own ({@link IsolatedStage}).
 */
@DisplayName("AsyncRuntime")
@Timeout(30)
class AsyncRuntimeTest {

    // Carried over from step01-single-queue's AsyncRuntimeTest.java by ./jbang stubs --write: rejectsNullFuture. Edit it there.
    @Test
    @DisplayName("spawnTask rejects a null future, naming it")
    void rejectsNullFuture() {
        assertThatNullPointerException().isThrownBy(() -> AsyncRuntime.spawnTask(null))
                .withMessageContaining("future");
    }
    // End of the carried-over code.

    @Test
    @DisplayName("startConsumers rejects a count below 1, and a null queue")
    void rejectsBadPool() {
        BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
        assertThatIllegalArgumentException().isThrownBy(() -> AsyncRuntime.startConsumers(queue, 0))
                .withMessageContaining("at least 1");
        assertThatNullPointerException().isThrownBy(() -> AsyncRuntime.startConsumers(null, 3))
                .withMessageContaining("queue");
    }

    @Test
    @DisplayName("spawnTask queues the task's runnable, prints the queue count, and returns the task")
    void spawnTaskQueuesTheRunnable() {
        BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Task<String> task = AsyncRuntime.spawnTask(Futures.ready("value"), () -> queue);

            assertThat(console.lines()).containsExactly("Here is the queue count: 1");
            assertThat(task.isFinished()).isFalse();
            queue.remove().run();
            assertThat(Futures.blockOn(task)).isEqualTo("value");
        }
    }

    @Test
    @Timeout(60)
    @DisplayName("Exercise 2.1: on the global queue, three tasks that block until all three run all finish, on queue-worker-1 to 3")
    @Tag("exercise-2.1")
    void globalPoolRunsThreeAtOnce() {
        StageRuntime.requireWorkingPool();
        try (ConsoleCapture console = ConsoleCapture.start()) {
            for (int round = 0; round < 10; round++) {
                CyclicBarrier allRunning = new CyclicBarrier(AsyncRuntime.CONSUMERS);
                List<Task<String>> tasks = new ArrayList<>();
                for (int i = 0; i < AsyncRuntime.CONSUMERS; i++) {
                    tasks.add(AsyncRuntime.spawnTask(TestFutures.meetingAt(allRunning)));
                }
                assertThat(tasks.stream().map(WORKERS::awaitValue).toList()).as("round %d", round)
                        .containsExactlyInAnyOrder("queue-worker-1", "queue-worker-2", "queue-worker-3");
            }
            assertThat(console.lines()).as("one count line per spawn")
                    .filteredOn(line -> line.startsWith("Here is the queue count: ")).hasSize(30);
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("Exercise 2.1: in a new program, the first spawn starts the queue and its three consumers,"
            + " queue-worker-1 to 3")
    @Tag("exercise-2.1")
    void firstSpawnStartsTheQueue() throws Throwable {
        StageRuntime.requireWorkingPool();
        IsolatedStage.run(FirstSpawn.class);
    }

    static final class FirstSpawn implements Executable {
        @Override
        public void execute() {
            try (ConsoleCapture quiet = ConsoleCapture.start()) { // the queue count
                Task<String> task = AsyncRuntime.spawnTask(TestFutures.threadName());

                assertThat(WORKERS.awaitValue(task)).startsWith("queue-worker-");
            }
            assertThat(IsolatedStage.workerNames()).as("the consumers the first spawn started")
                    .containsExactly("queue-worker-1", "queue-worker-2", "queue-worker-3");
        }
    }
}
