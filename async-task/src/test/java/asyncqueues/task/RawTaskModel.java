package asyncqueues.task;

import java.util.Queue;
import java.util.concurrent.CancellationException;
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
    /** How many wakes had been counted when the latest poll began. */
    private volatile int wakesBeforeLastPoll;
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
        wakesBeforeLastPoll = wakes.get();
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
        check((raw.state() & RawTask.COMPLETED) == 0 || queued == 0,
                "the task is " + RawTask.describe(raw.state()) + " and its runnable is still queued");
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

    /**
     * Once every wake is over and the queue drained: a poll began after the last wake, so no wake
     * was lost (each wake of an open task is followed by a poll that sees it).
     */
    void checkNoWakeLost() {
        check(wakesBeforeLastPoll == wakes.get(), wakes.get() + " wakes, but the last poll began after only "
                + wakesBeforeLastPoll + " of them: a wake was lost");
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

    /** A waker that counts its wakes, and remembers whether it was left waiting by a Pending poll. */
    static final class Awaiter implements Waker {
        private final AtomicInteger wakes = new AtomicInteger();
        private volatile boolean waiting;

        @Override
        public void wake() {
            wakes.incrementAndGet();
        }

        /** Polls {@code task} with {@code awaiter}'s context once; what it found, in a word. */
        static String outcome(Task<String> task, Awaiter awaiter) {
            try {
                Poll<String> poll = task.poll(new Context(awaiter));
                if (poll instanceof Poll.Ready<String>(String value)) {
                    return value;
                }
                awaiter.waiting = true;
                return "pending";
            } catch (CancellationException cancelled) {
                return "cancelled";
            } catch (IllegalStateException detached) {
                return "detached";
            }
        }

        /** An awaiter left waiting on a task that has since finished or been detached was woken. */
        void checkWokenIfItWaitedFor(RawTaskModel model) {
            boolean over = model.raw.isFinished() || model.raw.isDetached();
            RawTaskModel.check(!waiting || !over || wakes.get() > 0,
                    "an awaiter waits on a task that is over, and nobody woke it");
        }
    }
}
