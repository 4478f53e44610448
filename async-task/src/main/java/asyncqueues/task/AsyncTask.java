package asyncqueues.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns a future into a task: the Java form of {@code async_task::spawn}.
 *
 * <p>The executor decides where tasks run by the schedule function it passes: typically one
 * that puts the runnable on a queue that consumer threads take from.
 * <pre>{@code
 * Spawned<Integer> spawned = AsyncTask.spawn(future, queue::add);
 * spawned.runnable().schedule();   // the first run, like every later one, goes through the queue
 * Integer value = Futures.blockOn(spawned.task());
 * }</pre>
 */
public final class AsyncTask {

    private AsyncTask() {}

    /**
     * Wraps {@code future} in a task. Nothing runs yet: the returned runnable is scheduled but
     * not queued; call {@link TaskRunnable#schedule()} (or run it) to start the task.
     *
     * @param future the future to run
     * @param schedule called with the runnable each time the task must be run again, from the
     *        thread that woke the task (or that finished a poll during which it was woken)
     * @throws NullPointerException if either argument is {@code null}, naming which
     */
    public static <T> Spawned<T> spawn(Future<T> future, Consumer<TaskRunnable> schedule) {
        Objects.requireNonNull(future, "future must not be null");
        Objects.requireNonNull(schedule, "schedule must not be null");
        Task<T> task = new Task<>(future, schedule);
        task.traceId = Trace.spawned(future);
        return new Spawned<>(task.runnable(), task);
    }
}
