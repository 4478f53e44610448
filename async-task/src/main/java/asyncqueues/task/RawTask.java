package asyncqueues.task;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The state machine of one spawned future: its state word, the future, the schedule function,
 * the output and the awaiters. {@link Task}, the caller's handle, is its one subclass: this file
 * holds the rules, that one the public face. {@link TaskRunnable} (the executor's handle) is a
 * thin view of it, and it is itself the {@link Waker} its future is polled with. So a spawn
 * allocates three objects (this task, its runnable, the poll's context), and a finished task
 * that its caller still holds keeps one: the runnable and the context are dropped with the future.
 *
 * <h2>How it works</h2>
 * Everything that decides who may do what lives in one {@code int}, {@link #state}, changed only
 * by compare-and-set; no lock is taken on the run or wake path. The bits are defined below, each
 * with its rules. The life of a task that is polled twice looks like this:
 * <pre>
 *   spawn          SCHEDULED            the runnable exists and may be queued
 *   run()          RUNNING              the poll is in progress
 *   wake()         RUNNING|SCHEDULED    woken mid-poll: remember, do not queue yet
 *   poll: Pending  SCHEDULED            ... and now queue the runnable, exactly once
 *   run()          RUNNING
 *   poll: Ready    COMPLETED            the output is stored, the future released
 * </pre>
 * Whoever moves the state from "not scheduled" to SCHEDULED owns the one right to queue the
 * runnable; whoever clears SCHEDULED by setting RUNNING owns the one right to poll. That is why a
 * task is never queued twice and never polled by two threads at once, and why no wake is lost:
 * a wake either finds the task idle and queues it, or finds it scheduled (the coming poll will
 * see the change that caused the wake), or finds it running and leaves SCHEDULED for the
 * running thread to act on when the poll returns.
 *
 * <h2>Publication</h2>
 * {@link #output} is written before the compare-and-set that sets COMPLETED, and read after a
 * volatile read of {@link #state} that saw COMPLETED, so it needs no volatile of its own. The one
 * other write, a detach dropping the output of a completed task, comes after DETACHED is set and
 * is a release; an awaiter reads the output with acquire and then the state again, so an output it
 * finds dropped always comes with DETACHED, and it reports the detach instead of a null value.
 * {@link #future} is only touched by the thread that owns the poll (or by a cancel that found
 * the task neither scheduled nor running, when nobody else can own it).
 */
abstract sealed class RawTask<T> implements Waker permits Task {

    /**
     * Set while the runnable exists: from the spawn, or a wake of an idle task, until a run
     * begins. Set together with RUNNING, it means "woken during the poll": when the poll returns
     * Pending, the running thread queues the runnable again (until then nobody may run it).
     * Never set once COMPLETED or CLOSED is, except that a scheduled task may be CLOSED (its
     * coming run then returns at once: the cancel has dropped the future).
     */
    static final int SCHEDULED = 1;

    /** Set while one thread polls the future. At most one thread sets it at a time. */
    static final int RUNNING = 1 << 1;

    /**
     * Set once the future returned Ready or threw; the output (or failure) is stored and the
     * future released. Never cleared.
     */
    static final int COMPLETED = 1 << 2;

    /** Set with COMPLETED when the future threw: the output is the throwable. */
    static final int FAILED = 1 << 3;

    /**
     * Set by a cancel that came before completion: the future will not be polled again, and the
     * task's awaiter sees a {@link CancellationException}. Never cleared.
     */
    static final int CLOSED = 1 << 4;

    /** Set when the caller detached the task: it runs on, and its output is dropped. */
    static final int DETACHED = 1 << 5;

    private static final VarHandle STATE;
    private static final VarHandle AWAITER;
    private static final VarHandle OUTPUT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(RawTask.class, "state", int.class);
            AWAITER = lookup.findVarHandle(RawTask.class, "awaiter", Waker.class);
            OUTPUT = lookup.findVarHandle(RawTask.class, "output", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int state = SCHEDULED;

    /** The future until it completes or is cancelled; then {@code null}, so it can be collected. */
    private Future<T> future;

    /** Queues the runnable; called once per transition to SCHEDULED after the spawn. */
    private final Consumer<TaskRunnable> schedule;

    /** The future's value, or its throwable when FAILED; see "Publication" above. */
    private Object output;

    /**
     * Whoever waits on the {@link Task}: one waker, or an {@link Awaiters} of several, woken
     * (and cleared) when the task completes or closes, or is detached.
     */
    private volatile Waker awaiter;

    /**
     * Set by the first poll. Until then nobody holds the task's waker (a poll is what hands it
     * out), so a task whose first schedule the schedule function refused can never be run; it
     * fails at once instead of leaving its awaiters waiting for good. Not part of the state word:
     * it coordinates nothing, and is written once, by the first poller.
     */
    private volatile boolean polled;

    /**
     * The task's number in the {@link Trace} recording it was spawned during, from 1; 0 (no
     * events) if none was running. Set once, before the task is shared.
     */
    int traceId;

    /**
     * Built once and reused by every poll: it holds nothing but this waker. Dropped with the
     * future, as only a poll needs it.
     */
    private Context context = new Context(this);

    /**
     * The executor's handle, handed to the schedule function on each schedule; dropped when the
     * task completes, when nothing can schedule it again. A completed task that its caller still
     * holds (a million of them, awaited one by one) then keeps one object alive instead of three.
     */
    private TaskRunnable runnable = new TaskRunnable(this);

    RawTask(Future<T> future, Consumer<TaskRunnable> schedule) {
        this.future = future;
        this.schedule = schedule;
    }

    /** The executor's handle, for the spawn that returns it. */
    TaskRunnable runnable() {
        return runnable;
    }

    // ---------------------------------------------------------------- the executor's side

    /**
     * Hands the runnable to the schedule function, as the owner of SCHEDULED. If the function
     * throws (a queue that refuses it, say), the runnable was not queued: SCHEDULED is cleared,
     * so a later wake can try again, and the throwable goes to whoever scheduled. A task refused
     * before its first poll has no waker out to wake it again, so it fails, with the refusal as
     * the cause.
     */
    void schedule() {
        schedule(runnable); // not yet dropped: a task that is to be scheduled has not completed
    }

    /** {@link #schedule()} with the handle in hand: the executor's own call, which may come late. */
    void schedule(TaskRunnable handle) {
        Trace.record(traceId, Trace.Kind.SCHEDULED);
        try {
            schedule.accept(handle);
        } catch (Throwable refused) {
            STATE.getAndBitwiseAnd(this, ~SCHEDULED);
            if (!polled) {
                failUnrunnable(refused);
            }
            throw refused;
        }
    }

    /** Completes a task that was never polled and can never be, as failed: see {@link #polled}. */
    private void failUnrunnable(Throwable refused) {
        IllegalStateException failure = new IllegalStateException("the schedule function refused the task's"
                + " runnable before its first poll, so nothing holds its waker and nothing can ever run it: "
                + refused, refused);
        for (;;) {
            int current = state;
            if ((current & (SCHEDULED | RUNNING | COMPLETED | CLOSED)) != 0) {
                return; // scheduled again, or already finished or cancelled: nothing left to fail
            }
            output = (current & DETACHED) != 0 ? null : failure;
            if (STATE.compareAndSet(this, current, current | COMPLETED | FAILED)) {
                dropFuture();
                runnable = null;
                notifyAwaiter();
                return;
            }
        }
    }

    /** Polls the future once, as the owner of SCHEDULED. Rethrows what the future threw. */
    void run() {
        if (!claimPoll()) {
            return; // closed while queued: the cancel dropped the future and woke the awaiter
        }
        if (!polled) {
            polled = true; // this poll is about to hand out the waker
        }
        Trace.record(traceId, Trace.Kind.POLL_STARTED);
        Poll<T> poll;
        try {
            poll = Futures.pollChecked(future, context);
        } catch (Throwable thrown) {
            Trace.record(traceId, Trace.Kind.POLL_THREW);
            complete(thrown, FAILED);
            if (isDetached()) {
                reportUncaught(thrown);
            }
            throw rethrowable(thrown);
        }
        if (poll instanceof Poll.Ready<T>(T value)) {
            Trace.record(traceId, Trace.Kind.POLL_READY);
            complete(value, 0);
        } else {
            Trace.record(traceId, Trace.Kind.POLL_PENDING);
            afterPending();
        }
    }

    /**
     * Moves SCHEDULED to RUNNING; {@code false} (and SCHEDULED cleared) if the task was closed.
     * Only a queued runnable may be claimed: RUNNING|SCHEDULED means woken during a poll, and
     * the runnable belongs to the polling thread until that poll returns.
     */
    private boolean claimPoll() {
        for (;;) {
            int current = state;
            if ((current & (SCHEDULED | RUNNING)) != SCHEDULED) {
                throw new IllegalStateException("TaskRunnable.run() called on a task that is not"
                        + " queued (state " + describe(current) + "): a runnable is run once per"
                        + " schedule, by one consumer");
            }
            int next = (current & CLOSED) != 0
                    ? current & ~SCHEDULED
                    : (current & ~SCHEDULED) | RUNNING;
            if (STATE.compareAndSet(this, current, next)) {
                return (next & RUNNING) != 0;
            }
        }
    }

    /** The poll returned Pending: go idle, or queue again if woken meanwhile, or close. */
    private void afterPending() {
        for (;;) {
            int current = state;
            boolean closed = (current & CLOSED) != 0;
            int next = closed ? current & ~(RUNNING | SCHEDULED) : current & ~RUNNING;
            if (STATE.compareAndSet(this, current, next)) {
                if (closed) {
                    dropFuture(); // cancelled during the poll
                    notifyAwaiter();
                } else if ((current & SCHEDULED) != 0) {
                    schedule(); // woken during the poll: exactly one more run
                }
                return;
            }
        }
    }

    /** Stores the outcome and publishes it with COMPLETED (plus {@code extraBits}). */
    private void complete(Object outcome, int extraBits) {
        dropFuture();
        for (;;) {
            int current = state;
            // A wake during the poll may have set SCHEDULED; a finished task is never queued.
            int next = (current & ~(RUNNING | SCHEDULED)) | COMPLETED | extraBits;
            output = (current & (DETACHED | CLOSED)) != 0 ? null : outcome;
            if (STATE.compareAndSet(this, current, next)) {
                break;
            }
        }
        runnable = null; // COMPLETED: no wake schedules the task again
        notifyAwaiter();
    }

    /**
     * Lets the future (and what it captured) and the poll's context go, once the future will not
     * be polled again: by the poller, or by a cancel that found no poll running or to come.
     */
    private void dropFuture() {
        future = null;
        context = null;
    }

    /**
     * A detached task has nobody to hand its failure to, and the consumer that ran it only
     * survives it; so the failure goes where the thread's uncaught exceptions go (by default,
     * printed to standard error) instead of vanishing.
     */
    private static void reportUncaught(Throwable thrown) {
        Thread current = Thread.currentThread();
        current.getUncaughtExceptionHandler().uncaughtException(current, thrown);
    }

    private static RuntimeException rethrowable(Throwable thrown) {
        if (thrown instanceof RuntimeException runtime) {
            return runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        return new CompletionException(thrown);
    }

    // ---------------------------------------------------------------- the waker

    /** Schedules the task unless it is already scheduled, finished or closed. */
    @Override
    public void wake() {
        for (;;) {
            int current = state;
            if ((current & (SCHEDULED | COMPLETED | CLOSED)) != 0) {
                return;
            }
            if (STATE.compareAndSet(this, current, current | SCHEDULED)) {
                if ((current & RUNNING) == 0) {
                    schedule(); // idle: this wake owns the queueing
                } else {
                    Trace.record(traceId, Trace.Kind.WOKEN_WHILE_RUNNING); // the poller queues it
                }
                return;
            }
        }
    }

    // ---------------------------------------------------------------- the caller's side

    /** The Task handle's poll: the output when finished, else registers the awaiter. */
    Poll<T> pollResult(Context cx) {
        int current = state;
        if (isAwaitable(current)) {
            addAwaiter(cx.waker());
            current = state; // re-read: the task may have finished before it saw the awaiter
            if (isAwaitable(current)) {
                return Poll.pending();
            }
        }
        return Poll.ready(outputOf(current));
    }

    /** {@link #pollResult} of a task known to be finished (it stays so): no waker to register. */
    T finishedOutput() {
        return outputOf(state);
    }

    /** Not finished, and not detached (awaiting a detached task fails at once). */
    private static boolean isAwaitable(int state) {
        return !isFinished(state) && (state & DETACHED) == 0;
    }

    /**
     * Registers {@code waker} to be woken when the task finishes. Usually there is one awaiter,
     * polled again and again with the same waker; a second thread awaiting the same task joins
     * it instead of displacing it, so that neither waits forever.
     */
    private void addAwaiter(Waker waker) {
        for (;;) {
            Waker current = awaiter;
            Waker next = current == null ? waker : Awaiters.with(current, waker);
            if (next == current || AWAITER.compareAndSet(this, current, next)) {
                return;
            }
        }
    }

    /**
     * The outcome of a finished task. The output is read before the state is looked at again: a
     * detach that came meanwhile has set DETACHED before it dropped the output, so an output read
     * as dropped is always seen with DETACHED, and taken for what it is.
     */
    @SuppressWarnings("unchecked")
    private T outputOf(int finishedState) {
        if ((finishedState & CLOSED) != 0 && (finishedState & DETACHED) == 0) {
            throw new CancellationException("the task was cancelled");
        }
        Object outcome = OUTPUT.getAcquire(this);
        if (((finishedState | state) & DETACHED) != 0) {
            throw new IllegalStateException("the task was detached: nobody may await its output");
        }
        if ((finishedState & FAILED) != 0) {
            Throwable failure = (Throwable) outcome;
            throw new CompletionException("the task failed: " + failure, failure);
        }
        return (T) outcome;
    }

    /**
     * Closes the task unless it has completed or was closed; returns whether this call closed
     * it. A poll in progress is left to finish: the polling thread wakes the awaiter when the
     * poll returns, and until then the task is not finished.
     */
    boolean cancel() {
        for (;;) {
            int current = state;
            if ((current & DETACHED) != 0) {
                throw new IllegalStateException("the task was detached: it can no longer be cancelled");
            }
            if ((current & (COMPLETED | CLOSED)) != 0) {
                return false;
            }
            if (STATE.compareAndSet(this, current, current | CLOSED)) {
                Trace.record(traceId, Trace.Kind.CANCELLED);
                if ((current & RUNNING) == 0) {
                    dropFuture(); // not in a poll: nobody polls it again, so let it go now
                    notifyAwaiter();
                }
                return true;
            }
        }
    }

    /**
     * Lets the task run on with nobody waiting; its output, if any, is dropped. A thread already
     * waiting on the task is woken, and finds it detached.
     */
    void detach() {
        int previous = (int) STATE.getAndBitwiseOr(this, DETACHED);
        Trace.record(traceId, Trace.Kind.DETACHED);
        if ((previous & COMPLETED) != 0) {
            OUTPUT.setRelease(this, null); // after DETACHED: see "Publication"
        }
        notifyAwaiter();
    }

    boolean isDetached() {
        return (state & DETACHED) != 0;
    }

    /** The state word, for the tests that check the state machine's invariants. */
    int state() {
        return state;
    }

    boolean isFinished() {
        return isFinished(state);
    }

    /** Completed, or closed and not in a poll: its future will not be polled again. */
    private static boolean isFinished(int state) {
        return (state & COMPLETED) != 0 || (state & (CLOSED | RUNNING)) == CLOSED;
    }

    /**
     * Wakes the awaiters, if any. Called after the state changed; an awaiter registers before it
     * re-reads the state, so one of the two sees the other. Most tasks are never awaited while
     * they run, so a plain volatile read comes first and the atomic exchange only when needed.
     */
    private void notifyAwaiter() {
        if (awaiter == null) {
            return;
        }
        Waker waiting = (Waker) AWAITER.getAndSet(this, (Waker) null);
        if (waiting != null) {
            waiting.wake();
        }
    }

    @Override
    public String toString() {
        return "Task[" + describe(state) + "]";
    }

    /** Several threads awaiting one task: waking it wakes each of them. Immutable. */
    private record Awaiters(List<Waker> wakers) implements Waker {

        /** {@code current} with {@code waker} added, or {@code current} itself if it has it. */
        static Waker with(Waker current, Waker waker) {
            List<Waker> all = current instanceof Awaiters(List<Waker> several) ? several : List.of(current);
            for (Waker known : all) {
                if (known == waker) {
                    return current;
                }
            }
            List<Waker> more = new ArrayList<>(all);
            more.add(waker);
            return new Awaiters(List.copyOf(more));
        }

        @Override
        public void wake() {
            wakers.forEach(Waker::wake);
        }
    }

    /** The state word spelled out, for debuggers and failure messages. */
    static String describe(int state) {
        StringBuilder bits = new StringBuilder();
        String[] names = {"SCHEDULED", "RUNNING", "COMPLETED", "FAILED", "CLOSED", "DETACHED"};
        for (int bit = 0; bit < names.length; bit++) {
            if ((state & (1 << bit)) != 0) {
                bits.append(bits.isEmpty() ? "" : "|").append(names[bit]);
            }
        }
        return bits.isEmpty() ? "IDLE" : bits.toString();
    }
}
