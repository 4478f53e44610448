package asyncqueues.task;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One task and everything a model-checking scenario needs to watch it: a queue the task's
 * runnable goes on, counts of the schedules, polls and wakes, and the checks of the state
 * machine's invariants (DESIGN.md, semantics 1 to 7) that every scenario makes.
 *
 * <p>The future is Pending until its {@code readyOnPoll}-th poll (never, for 0), and wakes nobody
 * itself: every further run must come from a {@link #wake()} of the scenario's. Its poll fails
 * loudly if a second thread polls it at the same time, or if it is polled after a cancel that
 * found it queued (whose coming run must drop the future unpolled).
 */
final class RawTaskModel {

    private final Queue<TaskRunnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger schedules = new AtomicInteger();
    private final AtomicInteger wakes = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger pollers = new AtomicInteger();
    private final int readyOnPoll;
    final RawTask<String> raw;
    final Task<String> task;

    RawTaskModel(int readyOnPoll) {
        this.readyOnPoll = readyOnPoll;
        Spawned<String> spawned = AsyncTask.spawn(this::poll, runnable -> {
            schedules.incrementAndGet();
            queue.add(runnable);
        });
        raw = rawOf(spawned);
        task = spawned.task();
        spawned.runnable().schedule();
    }

    @SuppressWarnings("unchecked")
    private static RawTask<String> rawOf(Spawned<String> spawned) {
        return (RawTask<String>) spawned.runnable().rawTask();
    }

    private Poll<String> poll(Context cx) {
        if (pollers.incrementAndGet() != 1) {
            throw new IllegalStateException("two threads poll the task at once");
        }
        check((raw.state() & RawTask.RUNNING) != 0, "polled while the state says " + RawTask.describe(raw.state())
                + ": only the thread that set RUNNING may poll");
        try {
            int poll = polls.incrementAndGet();
            return poll == readyOnPoll ? Poll.ready("value") : Poll.pending();
        } finally {
            pollers.decrementAndGet();
        }
    }

    /** The future's waker, as the future itself would wake it. */
    void wake() {
        wakes.incrementAndGet();
        raw.wake();
    }

    /** Runs the runnable if it is queued. */
    void runQueued() {
        TaskRunnable runnable = queue.poll();
        if (runnable != null) {
            runnable.run();
        }
    }

    /**
     * What must hold once the scenario's operations are done: nobody polls; the runnable is
     * queued at most once; it is queued exactly when the state says scheduled (no wake lost, no run owed to
     * nobody); there are no more schedules than the spawn's and one per wake; and a task whose
     * future was ready is finished.
     */
    void checkInvariants() {
        check((raw.state() & RawTask.RUNNING) == 0, "nobody polls, but the state says " + RawTask.describe(raw.state()));
        int queued = queue.size();
        check(queued <= 1, "the runnable is queued " + queued + " times");
        boolean scheduled = (raw.state() & RawTask.SCHEDULED) != 0 && (raw.state() & RawTask.RUNNING) == 0;
        boolean open = (raw.state() & (RawTask.COMPLETED | RawTask.CLOSED)) == 0 || queued == 1;
        if (open) {
            check(scheduled == (queued == 1), "the state says " + RawTask.describe(raw.state()) + " but the"
                    + " runnable is queued " + queued + " times: a wake was lost, or a run is owed to nobody");
        }
        check(schedules.get() <= 1 + wakes.get(), schedules.get() + " schedules for " + wakes.get()
                + " wakes: a task was queued that nobody woke");
        if (readyOnPoll > 0 && polls.get() >= readyOnPoll) {
            check(raw.isFinished(), "the future was ready, but the task is " + RawTask.describe(raw.state()));
        }
    }

    /** Cancels the task, as its {@link Task} handle would. */
    boolean cancel() {
        return task.cancel();
    }

    int polls() {
        return polls.get();
    }

    static void check(boolean holds, String violation) {
        if (!holds) {
            throw new IllegalStateException(violation);
        }
    }
}
