package asyncqueues.step02;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Task;
import asyncqueues.workbook.testing.ConsumerPool;
import asyncqueues.workbook.testing.TestFutures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Exercise 2.1: the pool of consumers")
@Tag("exercise-2.1")
@Timeout(30)
class StartConsumersTest {

    @Test
    @Timeout(10)
    @DisplayName("starts count daemon threads, queue-worker-1 to queue-worker-<count>, all running")
    void startsNamedDaemonThreads() {
        try (ConsumerPool pool = ConsumerPool.start(queue -> AsyncRuntime.startConsumers(queue, 3))) {
            assertThat(pool.names()).as("the names of the threads startConsumers(queue, 3) returned")
                    .containsExactly("queue-worker-1", "queue-worker-2", "queue-worker-3");
            assertThat(pool.threads()).allSatisfy(thread -> {
                assertThat(thread.isDaemon()).as("%s is a daemon", thread.getName()).isTrue();
                assertThat(thread.isAlive()).as("%s is started: does startConsumers start the threads it returns?"
                        + " (Thread.Builder.unstarted only creates a thread)", thread.getName()).isTrue();
            });
        }
        try (ConsumerPool pool = ConsumerPool.start(queue -> AsyncRuntime.startConsumers(queue, 1))) {
            assertThat(pool.names()).as("the names of the threads startConsumers(queue, 1) returned")
                    .containsExactly("queue-worker-1");
        }
    }

    /**
     * Each task blocks its consumer until all three are running, so they can only finish if
     * three consumers take from the one queue at the same time; repeated, to catch a pool that
     * only sometimes has its threads ready.
     */
    @Test
    @Timeout(60)
    @DisplayName("three tasks that block until all three run all finish, each on its own consumer")
    void blockedConsumerDoesNotHoldUpTheOthers() {
        try (ConsumerPool pool = ConsumerPool.start(queue -> AsyncRuntime.startConsumers(queue, 3))) {
            for (int round = 0; round < 20; round++) {
                CyclicBarrier allRunning = new CyclicBarrier(3);
                List<Task<String>> tasks = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    tasks.add(pool.spawn(TestFutures.meetingAt(allRunning)));
                }
                List<String> ranOn = tasks.stream().map(pool::join).toList();
                assertThat(ranOn).as("round %d", round)
                        .containsExactlyInAnyOrder("queue-worker-1", "queue-worker-2", "queue-worker-3");
            }
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("the consumers take turns on a task that wakes itself, and run it to its end")
    void runsWokenTasksToTheEnd() {
        try (ConsumerPool pool = ConsumerPool.start(queue -> AsyncRuntime.startConsumers(queue, 3))) {
            Task<Integer> task = pool.spawn(TestFutures.readyOnPoll(50));

            assertThat(pool.join(task)).isEqualTo(50);
        }
    }
}
