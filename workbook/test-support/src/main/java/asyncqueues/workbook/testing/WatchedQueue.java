package asyncqueues.workbook.testing;

import java.util.Collection;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An unbounded {@link LinkedBlockingQueue} that counts what was put on it and taken from it, so
 * that a test whose task did not run can say why: nothing was ever queued (a spawn that did not
 * schedule), or nothing was ever taken (a consumer that does not take from this queue), or
 * everything was taken and the task still did not run.
 *
 * <p>Every way in goes through {@code offer} or {@code put}, and every way out through
 * {@code poll}, {@code take} or {@code drainTo}; {@code add} and {@code remove()} are built on
 * them by {@link java.util.AbstractQueue}.
 */
public final class WatchedQueue<E> extends LinkedBlockingQueue<E> {

    private static final long serialVersionUID = 1L;

    private final AtomicLong added = new AtomicLong();
    private final AtomicLong taken = new AtomicLong();

    /** How many elements were put on the queue so far. */
    public long added() {
        return added.get();
    }

    /** How many elements were taken from the head of the queue so far. */
    public long taken() {
        return taken.get();
    }

    @Override
    public boolean offer(E element) {
        return countAdded(super.offer(element));
    }

    @Override
    public boolean offer(E element, long timeout, TimeUnit unit) throws InterruptedException {
        return countAdded(super.offer(element, timeout, unit));
    }

    @Override
    public void put(E element) throws InterruptedException {
        super.put(element);
        added.incrementAndGet();
    }

    @Override
    public E take() throws InterruptedException {
        return countTaken(super.take());
    }

    @Override
    public E poll() {
        return countTaken(super.poll());
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return countTaken(super.poll(timeout, unit));
    }

    @Override
    public int drainTo(Collection<? super E> sink, int maxElements) {
        int drained = super.drainTo(sink, maxElements); // drainTo(sink) comes here too
        taken.addAndGet(drained);
        return drained;
    }

    private boolean countAdded(boolean accepted) {
        if (accepted) {
            added.incrementAndGet();
        }
        return accepted;
    }

    private E countTaken(E element) {
        if (element != null) {
            taken.incrementAndGet();
        }
        return element;
    }
}
