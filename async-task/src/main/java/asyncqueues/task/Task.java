package asyncqueues.task;

import java.util.function.Consumer;

/**
 * The caller's handle to a spawned future: the Java form of async-task's {@code Task}.
 *
 * <p>A {@code Task} is itself a {@link Future} of the spawned future's value, so it can be
 * passed to {@link Futures#blockOn} or awaited inside another future. Polling it gives:
 * <ul>
 *   <li>the value, once the future returned it;
 *   <li>a {@link java.util.concurrent.CompletionException} whose cause is what the future threw;
 *   <li>a {@link java.util.concurrent.CancellationException} once the task was cancelled.
 * </ul>
 *
 * <p>Rust cancels a task when its handle is dropped. Java has no such moment, so the handle is
 * {@link AutoCloseable} instead: {@link #close()} cancels the task unless it was
 * {@linkplain #detach() detached}, and try-with-resources gives the scope that Rust's drop gives.
 * A handle nobody closes lets its task run on, as a detached one would.
 *
 * <p>Several threads may await one task: each is woken when it finishes.
 *
 * <p>The handle is the task itself: its state machine is {@link RawTask}, which this class
 * extends, so one object stands for a task for as long as its caller holds it. That object is
 * also the {@link Waker} its future is polled with, hence {@link #wake()}: it asks for one more
 * poll, as the future's own waker would, and a caller has no need of it.
 *
 * @param <T> the type of the future's value
 */
public final class Task<T> extends RawTask<T> implements Future<T>, AutoCloseable {

    Task(Future<T> future, Consumer<TaskRunnable> schedule) {
        super(future, schedule);
    }

    /**
     * Returns the value if the task has completed, else registers {@code cx}'s waker to be woken
     * when it completes or is cancelled.
     *
     * @throws java.util.concurrent.CompletionException if the future threw (it is the cause)
     * @throws java.util.concurrent.CancellationException if the task was cancelled
     * @throws IllegalStateException if the task was detached
     */
    @Override
    public Poll<T> poll(Context cx) {
        return pollResult(cx);
    }

    /**
     * Cancels the task unless it has already finished. The future is dropped unpolled (a queued
     * runnable then does nothing when it runs); a poll in progress completes, the future is not polled again, and the
     * task's awaiters see the cancellation when that poll returns.
     *
     * @return {@code true} if this call cancelled the task, {@code false} if it had already
     *         completed, failed or been cancelled (a completed task keeps its value)
     * @throws IllegalStateException if the task was detached
     */
    @Override
    public boolean cancel() {
        return super.cancel();
    }

    /**
     * Lets the task run to completion with nobody waiting for it: its output is dropped, and
     * {@link #close()} no longer cancels it. The Java form of Rust's {@code Task::detach}.
     */
    @Override
    public void detach() {
        super.detach();
    }

    /**
     * {@code true} once the task has completed (with a value or a throwable) or been cancelled;
     * a task cancelled during a poll is finished when that poll returns.
     */
    @Override
    public boolean isFinished() {
        return super.isFinished();
    }

    /** {@code true} once {@link #detach()} was called: the task runs on, and nobody may await it. */
    @Override
    public boolean isDetached() {
        return super.isDetached();
    }

    /** Cancels the task unless it was detached: Java's stand-in for dropping a Rust {@code Task}. */
    @Override
    public void close() {
        if (!isDetached()) {
            cancel();
        }
    }
}
