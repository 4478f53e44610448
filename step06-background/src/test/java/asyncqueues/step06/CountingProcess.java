package asyncqueues.step06;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import asyncqueues.task.Task;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A background process of the tests' own: like {@link BackgroundProcess} (never ready; each poll
 * holds its thread for a tick, then wakes its task), but it counts its firings instead of
 * printing them. The tests of exercises 6.2 and 6.3 use it so that they do not depend on 6.1.
 *
 * <p>It also remembers, at each firing, the state of the task that polls it: the waker a task
 * polls its future with is the task itself (see {@link Task}), so {@link Task#isDetached()} tells
 * a test whether a task it holds no handle to was detached, and {@code toString()} names its
 * state bits ({@code Task[RUNNING|DETACHED]}, say) for the messages.
 */
final class CountingProcess implements Future<Void> {

    private final Duration tick;
    private final AtomicInteger firings = new AtomicInteger();
    private volatile String lastTaskState = "never polled";
    private volatile boolean lastTaskDetached;

    CountingProcess(Duration tick) {
        this.tick = tick;
    }

    @Override
    public Poll<Void> poll(Context cx) {
        // Before the count: a firing counted is described.
        lastTaskDetached = cx.waker() instanceof Task<?> task && task.isDetached();
        lastTaskState = cx.waker().toString();
        firings.incrementAndGet();
        try {
            Thread.sleep(tick);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cx.waker().wake();
        return Poll.pending();
    }

    /** How many times the process has fired (been polled) so far. */
    int firings() {
        return firings.get();
    }

    /**
     * The state of the polling task, as its {@code toString()} gave it at the latest firing that
     * {@link #firings()} counts or a later one: {@code Task[RUNNING]}, {@code Task[RUNNING|DETACHED]}.
     */
    String lastTaskState() {
        return lastTaskState;
    }

    /** Whether the polling task was detached, at the latest firing that {@link #firings()} counts or a later one. */
    boolean lastTaskDetached() {
        return lastTaskDetached;
    }
}
