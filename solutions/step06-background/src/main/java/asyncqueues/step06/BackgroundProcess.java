package asyncqueues.step06;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import asyncqueues.workbook.ExerciseNotDone;
import asyncqueues.workbook.Ticks;
import java.time.Duration;
import java.util.Objects;

/**
 * The chapter's background process: a future that is never ready. Each poll prints "background
 * process firing", holds its thread for a tick (as the chapter's does; a real process would wait
 * for a timer and hold no thread), wakes its own task and returns Pending: its task goes back on
 * its queue after every firing, until the program ends or the task is cancelled.
 */
public final class BackgroundProcess implements Future<Void> {

    private final Duration tick;

    /** A process that fires once per chapter's second. */
    public BackgroundProcess() {
        this(Ticks.CHAPTER);
    }

    /**
     * A process that fires once per {@code tick} (zero for no sleep).
     *
     * @throws NullPointerException if {@code tick} is {@code null}
     * @throws IllegalArgumentException if {@code tick} is negative
     */
    public BackgroundProcess(Duration tick) {
        Objects.requireNonNull(tick, "tick must not be null");
        if (tick.isNegative()) {
            throw new IllegalArgumentException("tick must not be negative, got " + tick);
        }
        this.tick = tick;
    }

    @Override
    public Poll<Void> poll(Context cx) {
        // EXERCISE 6.1 BEGIN: fire, sleep a tick, wake your own task, and never be ready
        System.out.println("background process firing");
        Ticks.sleep(tick);
        cx.waker().wake();
        return Poll.pending();
        // EXERCISE 6.1 END
    }
}
