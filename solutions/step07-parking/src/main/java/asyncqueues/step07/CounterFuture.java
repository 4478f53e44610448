// Carried over unchanged from step04-stealing's solution by ./jbang stubs --write; edit it there.
package asyncqueues.step07;

import asyncqueues.task.Context;
import asyncqueues.task.Poll;
import asyncqueues.workbook.Ticks;
import java.time.Duration;
import java.util.Objects;

/**
 * The chapter's counting future, labelled with the queue it belongs on. Each poll adds one to
 * its count, prints it, and holds the polling thread for one tick; until the count reaches
 * {@value #FINAL_COUNT} it wakes its own task and is Pending, and then it is Ready with the count.
 *
 * <p>The sleep blocks the consumer thread on purpose, so that the printout shows which task runs
 * when. The count needs no synchronization although consumers on different threads may poll the
 * future: a task is polled by one thread at a time, and each hand-over between consumers goes
 * through the task's atomic state and a queue, which order one poll before the next.
 */
public final class CounterFuture implements FutureOrderLabel<Integer> {

    /** The count at which the future is ready. */
    static final int FINAL_COUNT = 3;

    private final FutureType order;
    private final Duration tick;
    private int count;

    /** A counter for {@code order}'s queue that sleeps the chapter's one second per poll. */
    public CounterFuture(FutureType order) {
        this(order, Ticks.CHAPTER);
    }

    /**
     * A counter for {@code order}'s queue that sleeps {@code tick} per poll (zero for no sleep).
     *
     * @throws NullPointerException if an argument is {@code null}, naming which
     * @throws IllegalArgumentException if {@code tick} is negative
     */
    public CounterFuture(FutureType order, Duration tick) {
        this.order = Objects.requireNonNull(order, "order must not be null");
        Objects.requireNonNull(tick, "tick must not be null");
        if (tick.isNegative()) {
            throw new IllegalArgumentException("tick must not be negative, got " + tick);
        }
        this.tick = tick;
    }

    @Override
    public FutureType getOrder() {
        return order;
    }

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
}
