package asyncqueues.step06;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A background process of the tests' own: like {@link BackgroundProcess} (never ready; each poll
 * holds its thread for a tick, then wakes its task), but it counts its firings instead of
 * printing them. The tests of exercises 6.2 and 6.3 use it so that they do not depend on 6.1.
 */
final class CountingProcess implements Future<Void> {

    private final Duration tick;
    private final AtomicInteger firings = new AtomicInteger();

    CountingProcess(Duration tick) {
        this.tick = tick;
    }

    @Override
    public Poll<Void> poll(Context cx) {
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
}
