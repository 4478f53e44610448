package asyncqueues.step02;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.testing.TaskState;
import asyncqueues.workbook.testing.ThreadReport;
import asyncqueues.workbook.testing.Within;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Consumers started by {@link AsyncRuntime#startConsumers} on a queue of the test's own, stopped
 * (interrupted, and checked to have returned) when the test closes the pool. Its waits are
 * bounded, and say what the consumers are doing when they run out.
 */
final class ConsumerPool implements AutoCloseable {

    private static final String NOT_STARTED = "a thread that startConsumers returned is not running: does it"
            + " start them? (Thread.Builder.unstarted only creates a thread)";

    /**
     * How long a test waits for a task: a little longer than the tasks of {@link TestFutures#meetingAt}
     * wait for each other, so that when they cannot all run at once, their failure, which says so,
     * comes first.
     */
    static final Duration TASK_BOUND = Within.MOMENT.plusSeconds(1);

    final BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
    final List<Thread> threads;

    private ConsumerPool(int count) {
        threads = AsyncRuntime.startConsumers(queue, count);
    }

    static ConsumerPool start(int count) {
        return new ConsumerPool(count);
    }

    /**
     * Fails at once, in the test's thread, unless a pool of {@link AsyncRuntime#CONSUMERS} starts:
     * the guard of every test that needs the global runtime, whose holder starts the same pool.
     */
    static void requireWorkingPool() {
        try (ConsumerPool pool = start(AsyncRuntime.CONSUMERS)) {
            assertThat(pool.threads).as("the threads startConsumers(queue, %d) returned", AsyncRuntime.CONSUMERS)
                    .hasSize(AsyncRuntime.CONSUMERS);
            assertThat(pool.threads).as(() -> NOT_STARTED + " (" + ThreadReport.describe(pool.threads) + ")")
                    .allMatch(Thread::isAlive);
        }
    }

    /**
     * Waits, for {@link #TASK_BOUND} at most, for a task spawned on the global runtime, and
     * returns its value (or throws as {@link Futures#blockOn} does); if it does not finish, fails
     * with its state and what the global consumers are doing.
     */
    static <T> T awaitGlobal(Task<T> task) {
        Within.await(TASK_BOUND, task::isFinished, () -> "the task spawned on the global runtime did not finish: "
                + TaskState.explain(task) + " ("
                + ThreadReport.describe(ThreadReport.liveThreadsNamed("queue-worker-\\d+")) + ")");
        return Futures.blockOn(task);
    }

    /**
     * Waits, for {@link #TASK_BOUND} at most, until {@code task}, queued on this pool's queue,
     * has finished, and returns its value (or throws as {@link Futures#blockOn} does).
     */
    <T> T join(Task<T> task) {
        Within.await(TASK_BOUND, task::isFinished, () -> whyNotFinished(task));
        return Futures.blockOn(task);
    }

    private String whyNotFinished(Task<?> task) {
        String consumers = ThreadReport.describe(threads);
        if (threads.stream().noneMatch(Thread::isAlive)) {
            return NOT_STARTED + " (" + consumers + ")";
        }
        return "the task did not finish: " + TaskState.explain(task) + " (" + consumers + ")";
    }

    List<String> names() {
        return threads.stream().map(Thread::getName).toList();
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            Within.await(Within.MOMENT, () -> !thread.isAlive(),
                    () -> ThreadReport.describe(thread) + ", although it was interrupted: does the loop it runs"
                            + " return?");
            assertThat(thread.isAlive()).as("%s stops when interrupted", thread.getName()).isFalse();
        }
    }
}
