package asyncqueues.step01;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.testing.TaskState;
import asyncqueues.workbook.testing.ThreadReport;
import asyncqueues.workbook.testing.WatchedQueue;
import asyncqueues.workbook.testing.Within;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@link AsyncRuntime#consume} on a thread and a queue of the test's own, apart from the
 * global runtime, and hands back to the test whatever the loop throws (an unwritten exercise's
 * {@code ExerciseNotDone}, say) instead of letting it die with the thread.
 *
 * <p>Its waits are bounded by {@link Within#MOMENT}, and a wait that runs out says what did not
 * happen, from what the queue saw (was the runnable ever put there, ever taken?), the task's state
 * and where the consumer thread is.
 */
final class ConsumerThread implements AutoCloseable {

    private final WatchedQueue<TaskRunnable> queue = new WatchedQueue<>();
    private final AtomicReference<Throwable> thrown = new AtomicReference<>();
    private final Thread thread;

    private ConsumerThread() {
        thread = Thread.ofPlatform().name("test-consumer").daemon().unstarted(this::consume);
    }

    static ConsumerThread start() {
        ConsumerThread consumer = new ConsumerThread();
        consumer.thread.start();
        return consumer;
    }

    /**
     * Fails at once, with what the loop threw, unless the consumer loop runs a task: the guard of
     * every test that needs the global runtime's consumer, which runs the same loop.
     */
    static void requireWorkingConsumeLoop() {
        try (ConsoleCapture quiet = ConsoleCapture.start(); // the loop's "runnable accepted"
                ConsumerThread consumer = start()) {
            consumer.join(consumer.spawn(Futures.ready("ran")));
        }
    }

    /** As {@link #awaitGlobal(Task, String)}, for a task whose future is never Pending. */
    static <T> T awaitGlobal(Task<T> task) throws Exception {
        return awaitGlobal(task, "a future that is ready on its first poll cannot be Pending");
    }

    /**
     * Waits, for {@link Within#MOMENT} at most, for a task spawned on the global runtime, and
     * returns its value (or throws as {@link Futures#blockOn} does). If the task does not finish,
     * fails with its state and what the global consumer, {@code queue-worker-1}, is doing, and
     * with {@code lookAt} when the task's future returned Pending and was never woken.
     */
    static <T> T awaitGlobal(Task<T> task, String lookAt) throws Exception {
        return Within.call(Within.MOMENT, () -> Futures.blockOn(task), () -> whyGlobalNotFinished(task, lookAt));
    }

    /** Why a task spawned on the global runtime has not finished, and where to look. */
    static String whyGlobalNotFinished(Task<?> task, String lookAt) {
        List<Thread> consumers = ThreadReport.liveThreadsNamed("queue-worker-1");
        String consumer = ThreadReport.describe(consumers);
        boolean idle = consumers.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING);
        if (TaskState.isWaitingToRun(task) && idle) {
            return "spawnTask returned, but the task is still " + task + " while its consumer waits for work ("
                    + consumer + "): its runnable is on no queue. Did spawnTask call runnable.schedule()?"
                    + " (AsyncTask.spawn queues nothing by itself)";
        }
        if (TaskState.isIdle(task)) {
            return "the task's future returned Pending, and nothing has woken the task since, so nothing polls it"
                    + " again: " + lookAt;
        }
        return "the task did not finish: " + TaskState.explain(task) + " (" + consumer + ")";
    }

    private void consume() {
        try {
            AsyncRuntime.consume(queue);
        } catch (Throwable t) {
            thrown.set(t);
        }
    }

    /** The queue this consumer takes from. */
    BlockingQueue<TaskRunnable> queue() {
        return queue;
    }

    /** Spawns {@code future} onto this consumer's queue, without {@code AsyncRuntime.spawnTask}. */
    <T> Task<T> spawn(Future<T> future) {
        Spawned<T> spawned = AsyncTask.spawn(future, queue::add);
        spawned.runnable().schedule();
        return spawned.task();
    }

    /**
     * Waits, for {@link Within#MOMENT} at most, until {@code task} has finished, and returns its
     * value (or throws as {@link Futures#blockOn} does); fails with what the loop threw if it
     * stopped, or with why the task has not finished.
     */
    <T> T join(Task<T> task) {
        Within.await(Within.MOMENT, () -> task.isFinished() || !thread.isAlive(), () -> whyNotFinished(task));
        rethrowIfThrown();
        assertThat(task.isFinished()).as(queue.taken() == 0
                ? "the consumer loop returned without taking a runnable from the queue: does it wait in"
                        + " queue.take() for the next one, rather than stop when the queue is empty?"
                : "the consumer loop returned with a task still queued (did a failing future end it? A catch"
                        + " that lets the loop go on belongs around runnable.run())")
                .isTrue();
        return Futures.blockOn(task);
    }

    /** Why {@code task} has not finished, from what the queue saw and where the consumer is. */
    private String whyNotFinished(Task<?> task) {
        String consumer = describe();
        if (queue.added() == 0) {
            return "spawnTask returned, but the queue is empty: did it call runnable.schedule()?"
                    + " (AsyncTask.spawn queues nothing by itself)";
        }
        if (queue.taken() == 0) {
            return "no consumer took the runnable from the queue: does the loop in AsyncRuntime.consume call"
                    + " queue.take() on the queue it is given? (" + consumer + ")";
        }
        if (TaskState.isWaitingToRun(task) && queue.taken() >= queue.added()) {
            return "the consumer took the runnable from the queue but did not run it (the task is still " + task
                    + "): does the loop in AsyncRuntime.consume call runnable.run() on what it takes? ("
                    + consumer + ")";
        }
        return "the task did not finish: " + TaskState.explain(task) + " (" + consumer + "; "
                + queue.size() + " runnable(s) in its queue)";
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    Thread.State state() {
        return thread.getState();
    }

    /** What the consumer thread is doing, and where. */
    String describe() {
        return ThreadReport.describe(thread);
    }

    /** Interrupts the loop and checks that it returned; rethrows what it threw, if anything. */
    @Override
    public void close() {
        thread.interrupt();
        Within.await(Within.MOMENT, () -> !thread.isAlive(),
                () -> "the consumer loop did not return after its thread was interrupted: does AsyncRuntime.consume"
                        + " return when queue.take() throws InterruptedException? (" + describe() + ")");
        rethrowIfThrown();
        assertThat(thread.isAlive()).as("the consumer loop returns when its thread is interrupted").isFalse();
    }

    private void rethrowIfThrown() {
        Throwable failure = thrown.getAndSet(null); // handed over once, not again by close()
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new AssertionError("the consumer loop threw " + failure, failure);
        }
    }
}
