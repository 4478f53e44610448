package asyncqueues.step03;

import static asyncqueues.step03.FutureOrderLabel.labelled;
import static asyncqueues.step03.FutureType.HIGH;
import static asyncqueues.step03.FutureType.LOW;
import static asyncqueues.step03.StageRuntime.WORKERS;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import asyncqueues.task.Context;
import asyncqueues.task.Futures;
import asyncqueues.task.Poll;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.task.Waker;
import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.testing.IsolatedStage;
import asyncqueues.workbook.testing.TestFutures;
import asyncqueues.workbook.testing.ThreadReport;
import asyncqueues.workbook.testing.Within;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The runtime as a whole. The global queues and their consumers outlive each test (they live as
 * long as the JVM), so these tests assume nothing about what ran before them and leave nothing
 * queued or blocked. Where a test needs the runtime as a new program finds it, not yet started, it
 * runs in a world of its own ({@link IsolatedStage}).
 */
@DisplayName("AsyncRuntime")
@Timeout(30)
class AsyncRuntimeTest {

    @Test
    @DisplayName("spawnTask rejects a null future, and a future whose label is null, naming each")
    void rejectsNullFutureAndNullLabel() {
        assertThatNullPointerException().isThrownBy(() -> AsyncRuntime.spawnTask(null))
                .withMessageContaining("future");
        FutureOrderLabel<String> unlabelled = new FutureOrderLabel<>() {
            @Override
            public FutureType getOrder() {
                return null;
            }

            @Override
            public Poll<String> poll(Context cx) {
                return Poll.ready("unlabelled");
            }
        };
        assertThatNullPointerException().isThrownBy(() -> AsyncRuntime.spawnTask(unlabelled))
                .withMessageContaining("getOrder()");
    }

    @Test
    @DisplayName("labelled gives a plain future a label, and rejects nulls by name")
    void labelledGivesAPlainFutureALabel() {
        FutureOrderLabel<String> labelled = labelled(HIGH, Futures.ready("value"));

        assertThat(labelled.getOrder()).isEqualTo(HIGH);
        assertThat(labelled.poll(new Context(Waker.noop()))).isEqualTo(Poll.ready("value"));
        assertThatNullPointerException().isThrownBy(() -> labelled(null, Futures.ready(1)))
                .withMessageContaining("order");
        assertThatNullPointerException().isThrownBy(() -> labelled(LOW, null))
                .withMessageContaining("future");
    }

    @Test
    @DisplayName("startConsumers rejects a null order and a null queue")
    void rejectsBadPool() {
        BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
        assertThatNullPointerException().isThrownBy(() -> AsyncRuntime.startConsumers(null, queue))
                .withMessageContaining("order");
        assertThatNullPointerException().isThrownBy(() -> AsyncRuntime.startConsumers(FutureType.LOW, null))
                .withMessageContaining("queue");
    }

    @Test
    @Timeout(30)
    @DisplayName("Exercises 3.1, 3.2: HIGH tasks run only on high-worker threads, LOW tasks only on low-worker-1")
    @Tag("exercise-3.1")
    @Tag("exercise-3.2")
    void tasksRunOnTheirQueuesConsumers() {
        StageRuntime.requireWorkingPools();
        try (ConsoleCapture console = ConsoleCapture.start()) {
            List<Task<List<String>>> highTasks = new ArrayList<>();
            List<Task<List<String>>> lowTasks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                highTasks.add(AsyncRuntime.spawnTask(labelled(HIGH, TestFutures.pollingThreadNames(3))));
                lowTasks.add(AsyncRuntime.spawnTask(labelled(LOW, TestFutures.pollingThreadNames(3))));
            }

            assertThat(highTasks.stream().flatMap(task -> WORKERS.awaitValue(task).stream()))
                    .hasSize(60).isSubsetOf("high-worker-1", "high-worker-2");
            assertThat(lowTasks.stream().flatMap(task -> WORKERS.awaitValue(task).stream()))
                    .hasSize(60).containsOnly("low-worker-1");
            assertThat(console.lines()).as("what the spawns printed (stage 3 prints no queue count)").isEmpty();
        }
    }

    @Test
    @Timeout(30)
    @DisplayName("Exercises 3.1, 3.2: two HIGH tasks that block until both run both finish, on the two high workers")
    @Tag("exercise-3.1")
    @Tag("exercise-3.2")
    void highQueueRunsTwoAtOnce() {
        StageRuntime.requireWorkingPools();
        try (ConsoleCapture console = ConsoleCapture.start()) {
            for (int round = 0; round < 10; round++) {
                CyclicBarrier bothRunning = new CyclicBarrier(2);
                List<Task<String>> tasks = List.of(
                        AsyncRuntime.spawnTask(labelled(HIGH, TestFutures.meetingAt(bothRunning))),
                        AsyncRuntime.spawnTask(labelled(HIGH, TestFutures.meetingAt(bothRunning))));
                assertThat(tasks.stream().map(WORKERS::awaitValue).toList()).as("round %d", round)
                        .containsExactlyInAnyOrder("high-worker-1", "high-worker-2");
            }
            assertThat(console.lines()).as("what the spawns printed (stage 3 prints no queue count)").isEmpty();
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("Exercises 3.1, 3.2: in a new program, a queue starts with its consumers on its first spawn, and"
            + " not before")
    @Tag("exercise-3.1")
    @Tag("exercise-3.2")
    void eachQueueStartsOnItsFirstSpawn() throws Throwable {
        StageRuntime.requireWorkingPools();
        IsolatedStage.run(FirstSpawns.class);
    }

    static final class FirstSpawns implements Executable {
        @Override
        public void execute() {
            try (ConsoleCapture quiet = ConsoleCapture.start()) { // nothing should print; kept off the log if it does
                Task<String> high = AsyncRuntime.spawnTask(labelled(HIGH, TestFutures.threadName()));
                assertThat(WORKERS.awaitValue(high)).startsWith("high-worker-");
                assertThat(IsolatedStage.workerNames()).as("the consumers after a first spawn to HIGH, none to LOW")
                        .containsExactly("high-worker-1", "high-worker-2");

                Task<String> low = AsyncRuntime.spawnTask(labelled(LOW, TestFutures.threadName()));
                assertThat(WORKERS.awaitValue(low)).isEqualTo("low-worker-1");
                assertThat(IsolatedStage.workerNames()).as("the consumers after a first spawn to LOW as well")
                        .containsExactly("high-worker-1", "high-worker-2", "low-worker-1");
            }
        }
    }

    /**
     * The chapter's reason for task stealing, shown. The HIGH queue is started first, so that its
     * two workers exist; then one LOW task holds the only LOW worker while a second LOW task is
     * queued behind it. For as long as the test watches, the second does not start, and the high
     * workers sit parked on their empty queue: capacity idle while work waits. A bounded wait
     * cannot prove "never", but it cannot fail on a correct runtime, however slow the machine.
     */
    @Test
    @Timeout(30)
    @DisplayName("Exercises 3.1, 3.2: with only LOW tasks to run, a LOW task waits for the busy LOW worker while both high workers idle")
    @Tag("exercise-3.1")
    @Tag("exercise-3.2")
    void highWorkersIdleWhileLowTasksWait() throws InterruptedException {
        StageRuntime.requireWorkingPools();
        try (ConsoleCapture console = ConsoleCapture.start()) {
            List<Thread> highWorkers = theHighWorkers();

            CountDownLatch firstRunning = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch secondRunning = new CountDownLatch(1);
            try {
                Task<String> first = AsyncRuntime.spawnTask(labelled(LOW, cx -> {
                    firstRunning.countDown();
                    awaitQuietly(release);
                    return Poll.ready(Thread.currentThread().getName());
                }));
                Within.await(Within.MOMENT, () -> firstRunning.getCount() == 0,
                        () -> "the LOW worker did not take the first task: "
                                + WORKERS.whyNotFinished(first));

                Task<String> second = AsyncRuntime.spawnTask(labelled(LOW, cx -> {
                    secondRunning.countDown();
                    return Poll.ready(Thread.currentThread().getName());
                }));

                Within.await(Within.MOMENT, () -> highWorkers.stream().allMatch(AsyncRuntimeTest::parked),
                        () -> "the high workers, with nothing to run, did not wait for work: "
                                + ThreadReport.describe(highWorkers));
                assertThat(secondRunning.await(300, MILLISECONDS))
                        .as("the second LOW task started while the LOW worker was busy").isFalse();
                assertThat(highWorkers).as("the high workers, still idle").allMatch(AsyncRuntimeTest::parked);

                release.countDown();
                assertThat(WORKERS.awaitValue(first)).isEqualTo("low-worker-1");
                assertThat(WORKERS.awaitValue(second)).isEqualTo("low-worker-1");
            } finally {
                release.countDown();
            }
        }
    }

    /**
     * The global HIGH queue's two consumers (started now if need be), found as the threads that
     * run two HIGH tasks which wait for each other; not by name, which other pools may share.
     */
    private static List<Thread> theHighWorkers() {
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        List<Task<Thread>> tasks = List.of(
                AsyncRuntime.spawnTask(labelled(HIGH, TestFutures.threadMeetingAt(bothRunning))),
                AsyncRuntime.spawnTask(labelled(HIGH, TestFutures.threadMeetingAt(bothRunning))));
        List<Thread> workers = tasks.stream().map(WORKERS::awaitValue).toList();
        assertThat(workers).doesNotHaveDuplicates()
                .allSatisfy(thread -> assertThat(thread.getName()).startsWith("high-worker-"));
        return workers;
    }

    /** Waiting for work: a consumer blocked in its queue's take() parks, with no time limit. */
    private static boolean parked(Thread thread) {
        return thread.getState() == Thread.State.WAITING;
    }

    /** Waits for the latch, for a bounded time, so a consumer is never held for good. */
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
