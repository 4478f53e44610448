package asyncqueues.workbook.testing;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import asyncqueues.task.Waker;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A future that is Pending until the test opens it, and holds no thread meanwhile: a task of it
 * waits off the queues, as a real future waiting for I/O does, so a test can decide in which order
 * its tasks finish without tying up the runtime's few consumer threads.
 */
public final class GateFuture<T> implements Future<T> {

    private final AtomicReference<Waker> waiting = new AtomicReference<>();
    private final AtomicBoolean opening = new AtomicBoolean();
    private volatile boolean open;
    private T value; // written before the volatile write of 'open', read after its read

    @Override
    public Poll<T> poll(Context cx) {
        if (!open) {
            waiting.set(cx.waker());
            if (!open) { // opened between the first check and the set: do not miss its wake
                return Poll.pending();
            }
        }
        return Poll.ready(value);
    }

    /** Makes the future ready with {@code value} and wakes its task; only the first call counts. */
    public void open(T value) {
        if (!opening.compareAndSet(false, true)) {
            return;
        }
        this.value = value;
        this.open = true;
        Waker waker = waiting.getAndSet(null);
        if (waker != null) {
            waker.wake();
        }
    }
}
