package asyncqueues.step01;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import asyncqueues.workbook.ExerciseNotDone;
import java.util.Objects;

/**
 * The future that {@code async { first.await; second.await }} stands for, written out by hand.
 *
 * <p>Rust compiles an async block into a state machine: one state per {@code .await}, each
 * holding what is still alive at that point, and a {@code poll} that resumes in whatever state
 * the previous poll left it. This class is that machine for a block with two awaits, so that
 * you can see what {@code Futures.sequence} (and the Rust compiler) do for you:
 * <pre>
 *   AwaitingFirst(first, second) --first Ready--> AwaitingSecond(second) --second Ready--> Done
 * </pre>
 * When the awaited future is Pending, the block is Pending too and stays in its state; the
 * awaited future has arranged a wake for the task, and the next poll picks up at the same await.
 * A future that is ready is left behind when the state moves on, as Rust drops it. The block's
 * value is {@code second}'s, as an async block's value is that of its last expression.
 *
 * @param <T> the type of {@code second}'s value, and so of the block's
 */
public final class AsyncBlock<T> implements Future<T> {

    /** Where the block is; each state holds only the futures that are still to be awaited. */
    private sealed interface State<T> {}

    private record AwaitingFirst<T>(Future<?> first, Future<T> second) implements State<T> {}

    private record AwaitingSecond<T>(Future<T> second) implements State<T> {}

    private record Done<T>() implements State<T> {}

    private State<T> state;

    /**
     * A block that awaits {@code first}, then {@code second}, and is ready with {@code second}'s
     * value. Like an async block, it does nothing until it is polled.
     *
     * @throws NullPointerException if either future is {@code null}, naming which
     */
    public AsyncBlock(Future<?> first, Future<T> second) {
        Objects.requireNonNull(first, "first must not be null");
        Objects.requireNonNull(second, "second must not be null");
        this.state = new AwaitingFirst<>(first, second);
    }

    /**
     * Resumes at the await in progress.
     *
     * @throws IllegalStateException if polled again after it was ready (Rust panics likewise)
     */
    @Override
    public Poll<T> poll(Context cx) {
        // EXERCISE 1.5 BEGIN: resume at the await in progress, move on when it is ready
        throw new ExerciseNotDone("1.5");
        // EXERCISE 1.5 END
    }
}
