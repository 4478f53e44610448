package asyncqueues.task;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Blocking on a future, and the few helpers that stand in for Rust's {@code async} syntax.
 *
 * <p>Java has no {@code async}/{@code await}, so the chapter's two forms are written as calls:
 * <pre>{@code
 * // async fn async_fn() { sleep(..); println!("async fn"); }
 * static Future<Void> asyncFn() {
 *     return Futures.async(() -> { sleep(..); System.out.println("async fn"); });
 * }
 *
 * // async { async_fn().await; async_fn().await; }
 * Future<Void> block = Futures.sequence(asyncFn(), asyncFn());
 * }</pre>
 * As in Rust, calling {@code asyncFn()} runs nothing: its body runs when the future is first
 * polled, so the block above prints only when a task polls it.
 */
public final class Futures {

    private Futures() {}

    /**
     * Runs {@code future} to completion on the calling thread and returns its value: the Java
     * form of {@code futures_lite::future::block_on}. Between polls the thread parks until the
     * future's waker is woken, from any thread; a wake that comes before the park is not lost,
     * and a spurious return from the park just parks again.
     *
     * <p>An interrupt does not stop the wait (a future has no way to be told); it is kept and
     * the thread's interrupt status is set again on return. A thread that was not interrupted is
     * not interrupted on return either.
     *
     * <p>What the future throws, {@code blockOn} throws: an unchecked exception or error as it is,
     * and a checked exception (thrown by a future that hides it from the compiler) wrapped in a
     * {@link CompletionException}, as a {@link Task} wraps what its future threw.
     *
     * @throws CompletionException from a {@link Task} whose future threw, or from a future that
     *         threw a checked exception (it is the cause)
     * @throws java.util.concurrent.CancellationException from a {@link Task} that was cancelled
     * @throws NullPointerException if {@code future} is {@code null}
     */
    public static <T> T blockOn(Future<T> future) {
        Objects.requireNonNull(future, "future must not be null");
        if (future instanceof Task<T> task && task.isFinished()) {
            return task.finishedOutput(); // the commonest case of a join: nothing to wait for, or to allocate
        }
        ParkingWaker waker = new ParkingWaker(Thread.currentThread());
        Context cx = new Context(waker);
        boolean interrupted = false;
        try {
            for (;;) {
                if (pollUnchecked(future, cx) instanceof Poll.Ready<T>(T value)) {
                    return value;
                }
                interrupted |= waker.parkUntilWoken();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@link #pollChecked}, a checked exception the future threw wrapped as a task would wrap it. */
    private static <T> Poll<T> pollUnchecked(Future<T> future, Context cx) {
        try {
            return pollChecked(future, cx);
        } catch (RuntimeException | Error unchecked) {
            throw unchecked;
        } catch (Throwable checked) { // a sneaky throw: Future.poll declares none
            throw new CompletionException("the future threw " + checked, checked);
        }
    }

    /**
     * A future whose {@code body} runs when it is first polled, and which is then ready with
     * the body's value: the Java form of an {@code async fn} (or an {@code async} block with no
     * {@code .await} in it).
     */
    public static <T> Future<T> async(Supplier<? extends T> body) {
        Objects.requireNonNull(body, "body must not be null");
        return new AsyncBody<>(body);
    }

    /** As {@link #async(Supplier)}, for a body with no value: the future is ready with {@code null}. */
    public static Future<Void> async(Runnable body) {
        Objects.requireNonNull(body, "body must not be null");
        return async(() -> {
            body.run();
            return null;
        });
    }

    /**
     * A future that awaits {@code steps} one after another and is then ready with {@code null}:
     * the Java form of {@code async { a.await; b.await; }}. A step that is pending makes the
     * whole sequence pending, and the next poll resumes at that step.
     */
    public static Future<Void> sequence(Future<?>... steps) {
        Objects.requireNonNull(steps, "steps must not be null");
        return sequence(Arrays.asList(steps)); // not List.of, whose NPE would not say which step
    }

    /** As {@link #sequence(Future[])}, with the steps in a list. */
    public static Future<Void> sequence(List<? extends Future<?>> steps) {
        Objects.requireNonNull(steps, "steps must not be null");
        for (int i = 0; i < steps.size(); i++) {
            Objects.requireNonNull(steps.get(i), "step " + i + " must not be null");
        }
        return new Sequence(steps.toArray(Future<?>[]::new));
    }

    /** A future that is ready with {@code value} on its first poll. */
    public static <T> Future<T> ready(T value) {
        return cx -> Poll.ready(value);
    }

    /**
     * Polls {@code future} once, turning a {@code null} outcome (a broken future, which would
     * otherwise be taken for Pending and never woken) into an exception that names its class.
     */
    static <T> Poll<T> pollChecked(Future<T> future, Context cx) {
        Poll<T> poll = future.poll(cx);
        if (poll == null) {
            throw new NullPointerException(future.getClass().getName()
                    + ".poll returned null; return Poll.pending() or Poll.ready(value)");
        }
        return poll;
    }

    /**
     * The future behind {@link #async}: runs its body on the first poll and is ready with the
     * body's value. Like a Rust {@code async fn}, it runs once: polled again after it was ready,
     * it fails instead of running the body a second time.
     */
    private static final class AsyncBody<T> implements Future<T> {
        private Supplier<? extends T> body;

        AsyncBody(Supplier<? extends T> body) {
            this.body = body;
        }

        @Override
        public Poll<T> poll(Context cx) {
            Supplier<? extends T> once = body;
            if (once == null) {
                throw new IllegalStateException(
                        "an async body runs once: this future was polled again after it was ready");
            }
            body = null; // released, with whatever it captured
            return Poll.ready(once.get());
        }
    }

    /** The state machine behind {@link #sequence}: the index of the step being awaited. */
    private static final class Sequence implements Future<Void> {
        private final Future<?>[] steps;
        private int current;

        Sequence(Future<?>[] steps) {
            this.steps = steps;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            while (current < steps.length) {
                if (pollChecked(steps[current], cx).isPending()) {
                    return Poll.pending();
                }
                steps[current++] = null; // a finished step is released, as Rust drops it
            }
            return Poll.ready(null);
        }
    }

    /** Wakes one parked thread; a wake that arrives before the park is remembered. */
    private static final class ParkingWaker implements Waker {
        private final Thread thread;
        private final AtomicBoolean woken = new AtomicBoolean();

        ParkingWaker(Thread thread) {
            this.thread = thread;
        }

        @Override
        public void wake() {
            if (!woken.getAndSet(true)) {
                LockSupport.unpark(thread);
            }
        }

        /** Parks until a wake comes (consuming it); returns whether an interrupt was seen. */
        boolean parkUntilWoken() {
            boolean interrupted = false;
            while (!woken.compareAndSet(true, false)) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
            return interrupted;
        }
    }
}
