package asyncqueues.step01;

import static asyncqueues.step01.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.testing.ConsumerThread;
import asyncqueues.workbook.testing.IsolatedStage;
import asyncqueues.workbook.testing.TestFutures;
import asyncqueues.workbook.testing.ThreadReport;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The runtime as a whole. The global queue and its consumer outlive each test (they live as long
 * as the JVM), so these tests assume nothing about what ran before them and leave nothing queued.
 * Where a test needs the runtime as a new program finds it, not yet started, it runs in a world of
 * its own ({@link IsolatedStage}).
 */
@DisplayName("AsyncRuntime")
@Timeout(30)
class AsyncRuntimeTest {

    @Test
    @DisplayName("spawnTask rejects a null future, naming it")
    void rejectsNullFuture() {
        assertThatNullPointerException().isThrownBy(() -> AsyncRuntime.spawnTask(null))
                .withMessageContaining("future");
    }

    @Test
    @Timeout(10)
    @DisplayName("Exercises 1.1, 1.2: a spawned task runs on the global queue's consumer, queue-worker-1,"
            + " a daemon thread")
    @Tag("exercise-1.1")
    @Tag("exercise-1.2")
    void runsOnTheGlobalConsumer() throws Exception {
        ConsumerThread.requireWorking(AsyncRuntime::consume);
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Task<String> task = AsyncRuntime.spawnTask(TestFutures.threadName());

            assertThat(WORKERS.awaitValue(task)).isEqualTo("queue-worker-1");
            assertThat(console.lines()).contains("runnable accepted")
                    .anyMatch(line -> line.startsWith("Here is the queue count: "));
            assertThat(ThreadReport.liveThreadsNamed("queue-worker-1")).singleElement()
                    .satisfies(consumer -> assertThat(consumer.isDaemon())
                            .as("queue-worker-1 is a daemon thread (one that is not keeps the program alive after"
                                    + " main returns)")
                            .isTrue());
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("Exercises 1.1, 1.2: in a new program, the first spawn starts the queue and its one consumer,"
            + " which runs the task")
    @Tag("exercise-1.1")
    @Tag("exercise-1.2")
    void firstSpawnStartsTheQueue() throws Throwable {
        ConsumerThread.requireWorking(AsyncRuntime::consume);
        IsolatedStage.run(FirstSpawn.class);
    }

    static final class FirstSpawn implements Executable {
        @Override
        public void execute() throws Exception {
            try (ConsoleCapture quiet = ConsoleCapture.start()) { // the queue count and "runnable accepted"
                Task<String> task = AsyncRuntime.spawnTask(TestFutures.threadName());

                assertThat(WORKERS.awaitValue(task)).isEqualTo("queue-worker-1");
            }
            assertThat(IsolatedStage.workerNames()).as("the consumers the first spawn started")
                    .containsExactly("queue-worker-1");
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("Exercises 1.1, 1.2, 1.3: a CounterFuture spawned on the runtime is ready with 3")
    @Tag("exercise-1.1")
    @Tag("exercise-1.2")
    @Tag("exercise-1.3")
    void runsCounterToThree() throws Exception {
        ConsumerThread.requireWorking(AsyncRuntime::consume);
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Task<Integer> counter = AsyncRuntime.spawnTask(new CounterFuture(Duration.ZERO));

            assertThat(WORKERS.awaitValue(counter, "does CounterFuture.poll call cx.waker().wake() before"
                    + " it returns Poll.pending()?")).isEqualTo(3);
            assertThat(console.lines()).containsSubsequence(
                    "polling with result: 1", "polling with result: 2", "polling with result: 3");
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("Exercises 1.1, 1.2, 1.4: a task awaiting an AsyncSleep leaves its consumer free for other tasks")
    @Tag("exercise-1.1")
    @Tag("exercise-1.2")
    @Tag("exercise-1.4")
    void asyncSleepDoesNotBlockTheConsumer() {
        // One consumer: the other task can only finish if the sleeping task lets go of it.
        try (ConsoleCapture console = ConsoleCapture.start();
                ConsumerThread consumer = ConsumerThread.start(AsyncRuntime::consume)) {
            Task<Void> sleeping = AsyncRuntime.spawnTask(
                    Futures.sequence(new AsyncSleep(Duration.ofHours(1)), Futures.ready("woke up")),
                    consumer::queue);
            try {
                Task<String> other = AsyncRuntime.spawnTask(TestFutures.threadName(), consumer::queue);

                assertThat(consumer.join(other)).isEqualTo("test-consumer");
                if (sleeping.isFinished()) {
                    Futures.blockOn(sleeping); // throws what ended it early, if anything did
                }
                assertThat(sleeping.isFinished()).as("the sleeping task is still sleeping").isFalse();
                assertThat(console.count("runnable accepted")).as("runs of both tasks").isGreaterThanOrEqualTo(2);
            } finally {
                sleeping.cancel(); // else it would keep the consumer spinning for an hour
            }
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("Exercises 1.1, 1.2, 1.4: a task that awaits an AsyncSleep goes on once the time is up")
    @Tag("exercise-1.1")
    @Tag("exercise-1.2")
    @Tag("exercise-1.4")
    void asyncSleepThenContinue() {
        Duration duration = Duration.ofMillis(50);
        try (ConsoleCapture console = ConsoleCapture.start();
                ConsumerThread consumer = ConsumerThread.start(AsyncRuntime::consume)) {
            long start = System.nanoTime();
            Task<Void> task = AsyncRuntime.spawnTask(
                    Futures.sequence(new AsyncSleep(duration), Futures.async(() -> { System.out.println("awake"); })),
                    consumer::queue);

            consumer.join(task);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(duration);
            assertThat(console.lines()).contains("awake");
        }
    }
}
