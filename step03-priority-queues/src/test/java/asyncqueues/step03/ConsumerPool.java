package asyncqueues.step03;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Spawned;
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
 * The consumers that {@link AsyncRuntime#startConsumers} starts for one order, on a queue of the
 * test's own; stopped (interrupted, and checked to have returned) when the test closes the pool.
 * Its waits are bounded, and say what the consumers are doing when they run out.
 */
final class ConsumerPool implements AutoCloseable {

    /**
     * How long a test waits for a task: a little longer than the tasks of {@link TestFutures#meetingAt}
     * wait for each other, so that when they cannot all run at once, their failure, which says so,
     * comes first.
     */
    static final Duration TASK_BOUND = Within.MOMENT.plusSeconds(1);

    private static final String NOT_STARTED = "a thread that startConsumers returned is not running: does it"
            + " start them? (Thread.Builder.unstarted only creates a thread)";

    final BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
    final List<Thread> threads;

    private ConsumerPool(FutureType order) {
        threads = AsyncRuntime.startConsumers(order, queue);
    }

    static ConsumerPool start(FutureType order) {
        return new ConsumerPool(order);
    }

    /**
     * Fails at once, in the test's thread, unless the consumers of both orders start: the guard
     * of every test that needs the global queues, whose holders start the same consumers.
     */
    static void requireWorkingPools() {
        for (FutureType order : FutureType.values()) {
            try (ConsumerPool pool = start(order)) {
                assertThat(pool.threads).as("consumers of %s", order).isNotEmpty();
                assertThat(pool.threads).as(() -> NOT_STARTED + " (" + ThreadReport.describe(pool.threads) + ")")
                        .allMatch(Thread::isAlive);
            }
        }
    }

    /**
     * Waits, for {@link #TASK_BOUND} at most, for a task spawned on the global queues, and
     * returns its value (or throws as {@link Futures#blockOn} does); if it does not finish, fails
     * with its state and what the global consumers are doing.
     */
    static <T> T awaitGlobal(Task<T> task) {
        Within.await(TASK_BOUND, task::isFinished, () -> whyGlobalNotFinished(task));
        return Futures.blockOn(task);
    }

    /** Why a task spawned on the global queues has not finished, and where to look. */
    static String whyGlobalNotFinished(Task<?> task) {
        List<Thread> consumers = ThreadReport.liveThreadsNamed("(high|low)-worker-\\d+");
        boolean idle = consumers.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING);
        if (TaskState.isWaitingToRun(task) && idle) {
            return "spawnTask returned, but the task is still " + task + " while every consumer waits for work ("
                    + ThreadReport.describe(consumers) + "): its runnable is on no queue. Did spawnTask call"
                    + " runnable.schedule()? (AsyncTask.spawn queues nothing by itself)";
        }
        return "the task spawned on the global queues did not finish: " + TaskState.explain(task) + " ("
                + ThreadReport.describe(consumers) + ")";
    }

    /** Spawns {@code future} onto this pool's queue, without {@code AsyncRuntime.spawnTask}. */
    <T> Task<T> spawn(Future<T> future) {
        Spawned<T> spawned = AsyncTask.spawn(future, queue::add);
        spawned.runnable().schedule();
        return spawned.task();
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
