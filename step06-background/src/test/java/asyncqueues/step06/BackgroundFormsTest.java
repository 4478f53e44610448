package asyncqueues.step06;

import static asyncqueues.step06.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.testing.IsolatedStage;
import asyncqueues.workbook.testing.Within;
import asyncqueues.workbook.testing.Workers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The chapter's two forms of a background process, in {@link Main}: detached for the whole
 * program (exercise 6.2), and kept while the program's work runs (exercise 6.3). The processes
 * are {@link CountingProcess}es, which count their firings, so that these tests do not depend on
 * 6.1. Each test runs in a world of its own ({@link IsolatedStage}), configured by {@code Main} as
 * the chapter's is, and a detached process, which nothing can stop, ends with its world.
 */
@Timeout(30)
class BackgroundFormsTest {

    static final Duration TICK = Duration.ofMillis(5);

    /** Main's consumer threads: four HIGH and two LOW. */
    static final int CONSUMERS = 6;

    @Test
    @DisplayName("Exercise 6.2: Main.run's detached process fires on after the program's work, and nothing can cancel it")
    @Tag("exercise-6.2")
    void detachedProcessOutlivesTheWork() throws Throwable {
        IsolatedStage.run(DetachedProcessOutlivesTheWork.class);
    }

    @Test
    @DisplayName("Exercise 6.3: Main.runKeepingTheHandle's process fires while the work runs, and never after")
    @Tag("exercise-6.3")
    void keptProcessStopsAfterTheWork() throws Throwable {
        IsolatedStage.run(KeptProcessStopsAfterTheWork.class);
    }

    static final class DetachedProcessOutlivesTheWork implements Executable {
        @Override
        public void execute() throws Exception {
            CountingProcess process = new CountingProcess(TICK);
            runQuietly(() -> Main.run(TICK, process), "Main.run");

            int atReturn = process.firings();
            WORKERS.awaitUntil(() -> process.firings() >= atReturn + 3, () -> "the process that Main.run started"
                    + " fired " + process.firings() + " time(s) and stopped (its task: " + process.lastTaskState()
                    + "): a background process runs for the whole program. Was its task cancelled, or closed?");

            // Firing on is not enough: in Java a task nobody holds runs on whether or not it was
            // detached (nothing drops it), so a plain spawnTask(process) would fire too. Only a
            // detached task is safe from a close() that some later code might call.
            assertThat(process.lastTaskDetached())
                    .as("whether the task running the process, " + process.lastTaskState() + ", was detached"
                            + " (the chapter's spawn_task!(BackgroundProcess{}).detach())")
                    .isTrue();
        }
    }

    static final class KeptProcessStopsAfterTheWork implements Executable {
        @Override
        public void execute() throws Exception {
            CountingProcess process = new CountingProcess(TICK);
            runQuietly(() -> Main.runKeepingTheHandle(TICK, process), "Main.runKeepingTheHandle");

            // A poll that began before the end of the work may still be running, and counts.
            WORKERS.awaitUntil(() -> process.firings() >= 1, () -> "the process that Main.runKeepingTheHandle"
                    + " started never fired (its task: " + process.lastTaskState() + "): was its task started"
                    + " before work(tick), and kept until work(tick) returned?");
            assertThat(process.lastTaskDetached())
                    .as("whether the task running the process, " + process.lastTaskState() + ", was detached"
                            + " (a detached task ignores close(), so nothing could stop it)")
                    .isFalse();

            // Occupy every consumer thread at once: each is then past whatever it was running, so
            // no poll of the process is left in flight.
            occupyEveryConsumer(CONSUMERS);
            int firings = process.firings();

            // Work that a live process would be polled between (it requeues itself after every
            // firing, on the same queues): a cancelled one is not polled again.
            try (ConsoleCapture quiet = ConsoleCapture.start()) { // the counters' "polling with result: N"
                Task<Integer> high = AsyncRuntime.spawnTask(new CounterFuture(TICK), FutureType.HIGH);
                Task<Integer> low = AsyncRuntime.spawnTask(new CounterFuture(TICK));
                WORKERS.awaitFinished(high, low);
            }
            assertThat(process.firings())
                    .as("the process's firings after Main.runKeepingTheHandle returned, with other work running"
                            + " (Rust drops _background where main ends, which cancels it; in Java, what ends"
                            + " a task's life where a block ends?)")
                    .isEqualTo(firings);
        }
    }

    private static void runQuietly(Workers.Program program, String name) throws Exception {
        try (ConsoleCapture quiet = ConsoleCapture.start()) { // the program's own printout
            WORKERS.runWatched(program, () -> name + " did not return: it waits for"
                    + " a task that does not finish (the background process never does: is it joined?)");
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
            WORKERS.awaitFinished(tasks.toArray(Task<?>[]::new));
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
