package asyncqueues.task;

/**
 * The executor's handle to a spawned future: the Java form of async-task's {@code Runnable}.
 *
 * <p>It exists, in the sense that matters, only while the task is scheduled: {@link AsyncTask#spawn}
 * returns it scheduled, a consumer {@linkplain #run() runs} it, and after that it comes back to
 * the schedule function only when the future's waker is woken. A queue therefore never holds the
 * same task twice, and a runnable that is run when it is not scheduled fails loudly instead of
 * polling the future from a second thread.
 */
public final class TaskRunnable implements Runnable {

    private final RawTask<?> task;

    TaskRunnable(RawTask<?> task) {
        this.task = task;
    }

    /**
     * Polls the future once on the calling thread; does nothing if the task was cancelled while
     * queued.
     *
     * @throws RuntimeException or {@link Error}: what the future threw (a checked throwable
     *         arrives wrapped in {@link java.util.concurrent.CompletionException}); the task is
     *         then complete as failed
     * @throws IllegalStateException if the task is not scheduled (run twice for one schedule)
     */
    @Override
    public void run() {
        task.run();
    }

    /**
     * Hands this runnable to the schedule function given to {@link AsyncTask#spawn}. If that
     * function throws, the throwable is rethrown here and the runnable counts as not queued: the
     * task is idle, and a wake of its waker schedules it again. A task refused before its first
     * poll has handed its waker to nobody, so nothing could ever run it: it fails at once, and
     * whoever awaits it gets a {@link java.util.concurrent.CompletionException} saying so.
     */
    public void schedule() {
        task.schedule(this);
    }

    /** The task this runnable runs, for the tests of the state machine. */
    RawTask<?> rawTask() {
        return task;
    }

    @Override
    public String toString() {
        return "TaskRunnable" + task.toString().substring("Task".length());
    }
}
