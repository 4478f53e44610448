package asyncqueues.step03;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Task;
import asyncqueues.workbook.testing.ConsumerPool;
import asyncqueues.workbook.testing.TestFutures;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Exercise 3.1: the consumers of each queue")
@Tag("exercise-3.1")
@Timeout(30)
class StartConsumersTest {

    @Test
    @Timeout(10)
    @DisplayName("HIGH gets two daemon consumers, high-worker-1 and high-worker-2")
    void highHasTwoConsumers() {
        try (ConsumerPool pool = ConsumerPool.start(queue -> AsyncRuntime.startConsumers(FutureType.HIGH, queue))) {
            assertThat(pool.names()).as("the names of the threads startConsumers(HIGH, queue) returned")
                    .containsExactly("high-worker-1", "high-worker-2");
            assertStartedDaemons(pool.threads());
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("LOW gets one daemon consumer, low-worker-1, which runs what is put on its queue")
    void lowHasOneConsumer() {
        try (ConsumerPool pool = ConsumerPool.start(queue -> AsyncRuntime.startConsumers(FutureType.LOW, queue))) {
            assertThat(pool.names()).as("the names of the threads startConsumers(LOW, queue) returned")
                    .containsExactly("low-worker-1");
            assertStartedDaemons(pool.threads());
            assertThat(pool.join(pool.spawn(TestFutures.threadName()))).isEqualTo("low-worker-1");
        }
    }

    /** Each task blocks its consumer until the other runs too: only two consumers can finish them. */
    @Test
    @Timeout(60)
    @DisplayName("two HIGH tasks that block until both run both finish, one on each high worker")
    void highConsumersRunTwoAtOnce() {
        try (ConsumerPool pool = ConsumerPool.start(queue -> AsyncRuntime.startConsumers(FutureType.HIGH, queue))) {
            for (int round = 0; round < 20; round++) {
                CyclicBarrier bothRunning = new CyclicBarrier(2);
                List<Task<String>> tasks = List.of(
                        pool.spawn(TestFutures.meetingAt(bothRunning)),
                        pool.spawn(TestFutures.meetingAt(bothRunning)));
                assertThat(tasks.stream().map(pool::join).toList()).as("round %d", round)
                        .containsExactlyInAnyOrder("high-worker-1", "high-worker-2");
            }
        }
    }

    private static void assertStartedDaemons(List<Thread> threads) {
        assertThat(threads).allSatisfy(thread -> {
            assertThat(thread.isDaemon()).as("%s is a daemon", thread.getName()).isTrue();
            assertThat(thread.isAlive()).as("%s is started: does startConsumers start the threads it returns?"
                    + " (Thread.Builder.unstarted only creates a thread)", thread.getName()).isTrue();
        });
    }
}
