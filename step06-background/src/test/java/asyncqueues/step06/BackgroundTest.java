package asyncqueues.step06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.testing.TaskState;
import asyncqueues.workbook.testing.Within;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link Background}: a process for the program's lifetime (exercise 6.2) and one for a block
 * (exercise 6.3). The processes are {@link CountingProcess}es, which count their firings. Each
 * test runs in a world of its own ({@link IsolatedStage}) with a runtime of known size, and a
 * detached process, which nothing can stop, ends with its world.
 */
@Timeout(30)
class BackgroundTest {

    static final Duration TICK = Duration.ofMillis(5);

    @Test
    @DisplayName("Exercise 6.2: a process started for the program keeps firing while other tasks come and go")
    @Tag("exercise-6.2")
    void forProgramKeepsFiring() throws Throwable {
        IsolatedStage.run(ForProgramKeepsFiring.class);
    }

    @Test
    @DisplayName("Exercise 6.3: a process started for a scope fires until its task is closed, and never after")
    @Tag("exercise-6.3")
    void forScopeStopsWhenClosed() throws Throwable {
        IsolatedStage.run(ForScopeStopsWhenClosed.class);
    }

    @Test
    void rejectsANullProcess() {
        assertThatThrownBy(() -> Background.forProgram(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("process");
        assertThatThrownBy(() -> Background.forScope(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("process");
    }

    static final class ForProgramKeepsFiring implements Executable {
        @Override
        public void execute() {
            new AsyncRuntime().withHighNum(2).withLowNum(1).run();
            CountingProcess process = new CountingProcess(TICK);

            Background.forProgram(process);
            Workers.awaitUntil(() -> process.firings() >= 1, () -> "the process started by Background.forProgram"
                    + " never fired (" + process.lastTaskState() + "): was its task cancelled, or closed, before it"
                    + " ran? forProgram must let go of the task without stopping it");

            try (ConsoleCapture quiet = ConsoleCapture.start()) { // the counters' "polling with result: N"
                for (int round = 0; round < 5; round++) {
                    Task<Integer> high = AsyncRuntime.spawnTask(new CounterFuture(TICK), FutureType.HIGH);
                    Task<Integer> low = AsyncRuntime.spawnTask(new CounterFuture(TICK));
                    Workers.awaitFinished(high, low);
                    assertThat(AsyncRuntime.join(high, low)).containsExactly(3, 3);
                }
            }

            int afterTheOthers = process.firings();
            Workers.awaitUntil(() -> process.firings() >= afterTheOthers + 3, () -> "the process started by"
                    + " Background.forProgram stopped firing after " + process.firings() + " firing(s), the last in a"
                    + " poll of " + process.lastTaskState() + ": was its task cancelled, or closed? forProgram must"
                    + " let go of the task without stopping it");

            // Firing on is not enough: in Java a task nobody holds runs on whether or not it was
            // detached (nothing drops it), so a plain spawnTask(process) would fire too. What
            // differs is the task's state: only a detached task is safe from a close() that some
            // later code might call. These firings began after forProgram returned.
            assertThat(process.lastTaskDetached())
                    .as("whether the task running the process, " + process.lastTaskState() + ", was detached"
                            + " (forProgram must detach it)")
                    .isTrue();
        }
    }

    static final class ForScopeStopsWhenClosed implements Executable {
        @Override
        public void execute() {
            new AsyncRuntime().withHighNum(1).withLowNum(1).run(); // two consumer threads
            CountingProcess process = new CountingProcess(TICK);

            Task<Void> closed;
            try (Task<Void> task = Background.forScope(process)) {
                closed = task;
                Workers.awaitUntil(() -> process.firings() >= 3, () -> "the process started by Background.forScope"
                        + " fired " + process.firings() + " time(s), not 3: " + TaskState.explain(task));
                assertThat(task.isFinished()).isFalse();
                assertThat(task.isDetached())
                        .as("whether the task forScope returned, " + task + ", was detached (a detached task"
                                + " ignores close())")
                        .isFalse();
            }
            Workers.awaitUntil(closed::isFinished, () -> "the task that Background.forScope returned did not finish"
                    + " when it was closed: " + TaskState.explain(closed) + " (a detached task ignores close())");
            assertThatThrownBy(() -> Futures.blockOn(closed)).isInstanceOf(CancellationException.class);

            // A poll that began before the close may still be running. Occupy both consumer
            // threads at once: each is then past whatever it was running, so no poll is left.
            occupyEveryConsumer(2);
            int firings = process.firings();

            // Work that a live process would have been polled between (it requeues itself after
            // every firing, on the same queues): a cancelled one is not polled again.
            try (ConsoleCapture quiet = ConsoleCapture.start()) { // the counters' "polling with result: N"
                Task<Integer> high = AsyncRuntime.spawnTask(new CounterFuture(TICK), FutureType.HIGH);
                Task<Integer> low = AsyncRuntime.spawnTask(new CounterFuture(TICK));
                Workers.awaitFinished(high, low);
            }
            assertThat(process.firings()).as("firings after the close").isEqualTo(firings);
        }
    }

    /** Runs {@code consumers} tasks that each hold their thread until all of them are running. */
    private static void occupyEveryConsumer(int consumers) {
        CountDownLatch allRunning = new CountDownLatch(consumers);
        List<Task<Void>> tasks = new ArrayList<>();
        try {
            for (int i = 0; i < consumers; i++) {
                tasks.add(AsyncRuntime.spawnTask(Futures.async(() -> holdUntilAllRun(allRunning))));
            }
            Workers.awaitFinished(tasks.toArray(Task<?>[]::new));
        } finally {
            while (allRunning.getCount() > 0) {
                allRunning.countDown(); // never leave a consumer waiting
            }
        }
        tasks.forEach(Futures::blockOn); // rethrows if a task could not hold its thread
    }

    private static void holdUntilAllRun(CountDownLatch allRunning) {
        allRunning.countDown();
        try {
            if (!allRunning.await(Within.MOMENT.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("not every consumer took one of the tasks");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the other tasks", e);
        }
    }
}
