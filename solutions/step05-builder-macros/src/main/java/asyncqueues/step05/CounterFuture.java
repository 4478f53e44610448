// Carried over unchanged from step01-single-queue's solution by ./jbang stubs --write; edit it there.
package asyncqueues.step05;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import asyncqueues.workbook.Ticks;
import java.time.Duration;
import java.util.Objects;

/**
 * The chapter's counting future. Each poll adds one to its count, prints it, and holds the
 * polling thread for one tick; until the count reaches {@value #FINAL_COUNT} it wakes its own
 * task and is Pending, and then it is Ready with the count.
 *
 * <p>The sleep blocks the consumer thread on purpose: it is what makes the order in which the
 * runtime polls its tasks visible in the printout. A real future never sleeps in {@code poll};
 * stage 1's {@code AsyncSleep} is a sleep that does not block.
 *
 * <p>The count needs no synchronization although consumers on different threads may poll the
 * future: a task is polled by one thread at a time, and each hand-over between consumers goes
 * through the task's atomic state and the queue, which order one poll before the next.
 */
public final class CounterFuture implements Future<Integer> {

    /** The count at which the future is ready. */
    static final int FINAL_COUNT = 3;

    private final Duration tick;
    private int count;

    /** A counter that sleeps the chapter's one second per poll. */
    public CounterFuture() {
        this(Ticks.CHAPTER);
    }

    /** A counter that sleeps {@code tick} per poll (zero for no sleep); a null or negative tick is refused. */
    public CounterFuture(Duration tick) {
        Objects.requireNonNull(tick, "tick must not be null");
        if (tick.isNegative()) {
            throw new IllegalArgumentException("tick must not be negative, got " + tick);
        }
        this.tick = tick;
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
