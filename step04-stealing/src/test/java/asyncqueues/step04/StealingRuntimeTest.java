package asyncqueues.step04;

import static asyncqueues.step04.AsyncRuntime.spawnTask;
import static asyncqueues.step04.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.testing.AllAtOnce;
import asyncqueues.workbook.testing.IsolatedStage;
import asyncqueues.workbook.testing.TaskState;
import asyncqueues.workbook.testing.Within;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The runtime's stealing, and its lazy-start pitfall. Which queues have started is global state
 * that a JVM cannot reset, so each test runs in a world of its own ({@link IsolatedStage}),
 * where the runtime starts from nothing, as in a new program.
 */
@Timeout(30)
class StealingRuntimeTest {

    /** How many LOW tasks the stealing test runs at once: one per consumer thread (2 + 1). */
    private static final int ALL_CONSUMERS = AsyncRuntime.HIGH_CONSUMERS + AsyncRuntime.LOW_CONSUMERS;

    /** How many times the stealing test floods LOW: each round must be shared by every consumer. */
    private static final int ROUNDS = 5;

    @Test
    @DisplayName("Exercise 4.1: once both queues have started, the HIGH consumers run LOW tasks too")
    @Tag("exercise-4.1")
    void highConsumersStealLowTasks() throws Throwable {
        IsolatedStage.run(HighConsumersStealLowTasks.class);
    }

    @Test
    @DisplayName("Exercise 4.1: a queue nothing was spawned to has no consumers, so nobody steals"
            + " for the other one (the lazy-start pitfall)")
    @Tag("exercise-4.1")
    void untouchedQueueHasNoConsumers() throws Throwable {
        IsolatedStage.run(UntouchedQueueHasNoConsumers.class);
    }

    @Test
    @DisplayName("Exercise 4.1: the consumers, which run your loop, are daemon threads, so a program ends when"
            + " its main does")
    @Tag("exercise-4.1")
    void consumersAreDaemonThreads() throws Throwable {
        IsolatedStage.run(ConsumersAreDaemons.class);
    }

    /** Both queues' consumers are daemons; only a working loop keeps them alive to be looked at. */
    static final class ConsumersAreDaemons implements Executable {
        @Override
        public void execute() {
            StageRuntime.startQueues();

            List<Thread> consumers = IsolatedStage.workers();
            assertThat(consumers).extracting(Thread::getName)
                    .containsExactly("high-worker-1", "high-worker-2", "low-worker-1");
            assertThat(consumers).allSatisfy(consumer -> assertThat(consumer.isDaemon())
                    .as("%s is a daemon thread (one that is not keeps the program alive after main returns)",
                            consumer.getName())
                    .isTrue());
        }
    }

    static final class HighConsumersStealLowTasks implements Executable {
        @Override
        public void execute() {
            Task<Integer> starter = spawnTask(FutureOrderLabel.labelled(FutureType.HIGH, Futures.ready(1)));
            WORKERS.awaitFinished(starter);

            for (int round = 0; round < ROUNDS; round++) {
                assertThat(runLowTasksThatNeedEveryConsumer())
                        .as("the threads that ran round %d's LOW tasks", round)
                        .containsExactly("high-worker-1", "high-worker-2", "low-worker-1");
            }
        }
    }

    static final class UntouchedQueueHasNoConsumers implements Executable {
        @Override
        public void execute() {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            CountDownLatch firstRunning = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<Task<Integer>> tasks = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    tasks.add(spawnTask(FutureOrderLabel.labelled(FutureType.LOW, Futures.async(() -> {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        firstRunning.countDown();
                        awaitQuietly(release);
                        return running.getAndDecrement();
                    }))));
                }
                WORKERS.awaitUntil(() -> firstRunning.getCount() == 0, () -> "the first LOW task did not run: "
                        + TaskState.explain(tasks.getFirst()));

                // Nothing was spawned to HIGH, so its consumers never started: the one LOW
                // consumer is the only thread there is, and the other two tasks must wait.
                assertThat(IsolatedStage.workerNames()).containsExactly("low-worker-1");
                assertThat(running).hasValue(1);
            } finally {
                release.countDown();
            }
            WORKERS.awaitFinished(tasks.toArray(Task<?>[]::new));
            assertThat(mostAtOnce).as("the most tasks ever running at once").hasValue(1);
            assertThat(IsolatedStage.workerNames()).containsExactly("low-worker-1");
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(Within.MOMENT.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Spawns as many LOW tasks as there are consumers, each holding its thread until all of them
     * run: with one LOW consumer, they can all finish only if the HIGH consumers take LOW tasks as
     * well. Returns the names of the threads that ran them, sorted.
     */
    private static List<String> runLowTasksThatNeedEveryConsumer() {
        return AllAtOnce.threadsThatRan(WORKERS, ALL_CONSUMERS,
                future -> spawnTask(FutureOrderLabel.labelled(FutureType.LOW, future)),
                "When its own queue is empty, does the loop of a HIGH consumer take from the other queue?");
    }
}
