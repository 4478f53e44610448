package asyncqueues.task;

/**
 * The two handles {@link AsyncTask#spawn} returns for one future.
 *
 * <p>The {@code runnable} is the executor's side: it goes on a queue and polls the future when a
 * consumer runs it. The {@code task} is the caller's side: it is awaited for the result, or
 * cancelled, or detached.
 *
 * @param runnable the scheduled runnable, ready to be handed to the schedule function
 * @param task the handle to the future's result
 * @param <T> the type of the future's value
 */
public record Spawned<T>(TaskRunnable runnable, Task<T> task) {}
