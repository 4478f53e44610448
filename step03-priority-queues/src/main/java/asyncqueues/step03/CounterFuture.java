package asyncqueues.step03;

import asyncqueues.task.Context;
import asyncqueues.task.Poll;
import asyncqueues.workbook.Ticks;
import java.time.Duration;
import java.util.Objects;

/**
 * The chapter's counting future, now labelled with the queue it belongs on. Each poll adds one
 * to its count, prints it, and holds the polling thread for one tick; until the count reaches
 * {@value #FINAL_COUNT} it wakes its own task and is Pending, and then it is Ready with the count.
 * Its poll is stage 1's, unchanged: the label matters only to {@code spawnTask}.
 *
 * <p>The sleep blocks the consumer thread on purpose: it is what makes the order in which the
 * runtime polls its tasks visible in the printout. A real future never sleeps in {@code poll}.
 *
 * <p>The count needs no synchronization although consumers on different threads may poll the
 * future: a task is polled by one thread at a time, and each hand-over between consumers goes
 * through the task's atomic state and the queue, which order one poll before the next.
 */
public final class CounterFuture implements FutureOrderLabel<Integer> {

    // Carried over from step01-single-queue's CounterFuture.java by ./jbang stubs --write: FINAL_COUNT. Edit it there.
    /** The count at which the future is ready. */
    static final int FINAL_COUNT = 3;
    // End of the carried-over code.

    private final FutureType order;
    private final Duration tick;
    private int count;

    /** A counter for the {@code order} queue that sleeps the chapter's one second per poll. */
    public CounterFuture(FutureType order) {
        this(order, Ticks.CHAPTER);
    }

    /**
     * A counter for the {@code order} queue that sleeps {@code tick} per poll (zero for no sleep).
     *
     * @throws NullPointerException if {@code order} or {@code tick} is {@code null}, naming which
     * @throws IllegalArgumentException if {@code tick} is negative
     */
    public CounterFuture(FutureType order, Duration tick) {
        Objects.requireNonNull(order, "order must not be null");
        Objects.requireNonNull(tick, "tick must not be null");
        if (tick.isNegative()) {
            throw new IllegalArgumentException("tick must not be negative, got " + tick);
        }
        this.order = order;
        this.tick = tick;
    }

    @Override
    public FutureType getOrder() {
        return order;
    }

    // Carried over from step01-single-queue's CounterFuture.java by ./jbang stubs --write: poll. Edit it there.
    @Override
    public Poll<Integer> poll(Context cx) {
        count++;
        System.out.println("polling with result: " + count);
        Ticks.sleep(tick);
        if (count < FINAL_COUNT) {
            cx.waker().wake();
            return Poll.pending();
        }
        return Poll.ready(count);
    }
    // End of the carried-over code.
}
