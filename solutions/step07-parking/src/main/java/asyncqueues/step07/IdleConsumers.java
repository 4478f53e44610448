package asyncqueues.step07;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The consumer threads that have nothing to do, parked until new work wakes one of them: what
 * stands in this stage for stage 4's 100 ms sleep.
 *
 * <h2>The protocol</h2>
 * A consumer and a producer (the schedule function, called on a spawn or on a waker's wake, from
 * any thread) each do two things, in this order:
 * <pre>
 *   consumer, when both queues are empty        producer, for each runnable
 *   1. announce()   "I am about to park"         1. add the runnable to its queue
 *   2. look at both queues again                 2. wakeOne(): unpark one announced consumer
 *   3. found work: withdraw(), and run it
 *      found none: park()
 * </pre>
 * Each side writes first (its announcement, its runnable) and reads the other's write second, so
 * at least one of them sees the other: either the producer finds the consumer announced and
 * unparks it, or the consumer's second look finds the runnable. Without the second look, a
 * runnable queued between the consumer's first look and its announcement is missed by both: the
 * producer found nobody to wake, the consumer parks, and the runnable waits for good. That is the
 * lost wake-up.
 *
 * <p>An unpark that comes before the park is not lost either: {@link LockSupport#unpark} gives the
 * thread a permit, and its next {@link LockSupport#park} returns at once, using it up.
 *
 * <h2>Its cost</h2>
 * When every consumer is busy (a flood of spawns), nobody is announced, and {@link #wakeOne} reads
 * a volatile field or two, finds the queue of announced consumers empty, and returns: no lock, no
 * compare-and-set, no system call. An unpark is paid only when a consumer is idle, which is when one is needed.
 *
 * <p>Not final: the tests put a producer in front of {@link #announce}, to force the race above,
 * and note what the queue holds at each {@link #wakeOne}.
 */
class IdleConsumers {

    /** The announced consumers, in the order they announced; the first is the first woken. */
    private final Queue<Thread> announced = new ConcurrentLinkedQueue<>();

    /**
     * Whether the calling consumer has announced itself and not yet parked or withdrawn: its own
     * view, which a {@link #wakeOne} that picks it does not change. It catches a loop that breaks
     * the protocol, with a message, rather than let it spin or stall.
     */
    private final ThreadLocal<Boolean> announcing = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** How many times a consumer parked in {@link #park()} has come back from {@link LockSupport#park}. */
    private final AtomicLong wakeUps = new AtomicLong();

    /**
     * Says that the calling consumer found no work and is about to park. After this, a
     * {@link #wakeOne} from any thread may pick it; so look at the queues once more before
     * {@link #park()}, and {@link #withdraw()} if that look finds work.
     *
     * @throws IllegalStateException if the calling thread has announced itself already and has
     *         neither withdrawn nor parked since
     */
    void announce() {
        Thread me = Thread.currentThread();
        if (announcing.get()) {
            throw new IllegalStateException(me.getName() + " announced itself idle twice: after announce(), it must"
                    + " park() or, if its second look found work, withdraw() before it announces again");
        }
        announcing.set(Boolean.TRUE);
        announced.add(me);
    }

    /**
     * Takes back the calling consumer's announcement: it found work after all. If a producer
     * picked it meanwhile, that wake left a permit, and the consumer's next {@link #park()}
     * returns from {@link LockSupport#park} at once and parks again: one wake-up for nothing,
     * never a lost one.
     */
    void withdraw() {
        announcing.set(Boolean.FALSE);
        announced.remove(Thread.currentThread());
    }

    /**
     * Parks the calling consumer until a {@link #wakeOne} picks it, or its thread is interrupted;
     * then its announcement is gone. Call it after {@link #announce()} and a second look.
     *
     * <p>It parks only while the announcement is still there, and parks again after a return
     * that did not take it away. That covers two cases: the JVM may wake a parked thread for no
     * reason ({@link LockSupport#park} allows it); and a wake may come before the park while the
     * consumer is blocked on something else, a lock inside a queue's {@code poll()} say, which
     * uses the unpark's permit up. Then the consumer has been picked already, and does not park.
     *
     * @throws IllegalStateException if the calling thread has not announced itself idle: nobody
     *         would know to wake it
     */
    void park() {
        Thread me = Thread.currentThread();
        if (!announcing.get()) {
            throw new IllegalStateException(me.getName() + " parks without announcing itself idle first, so nobody"
                    + " would know to wake it: call announce(), look at the queues again, and then park()");
        }
        while (announced.contains(me) && !me.isInterrupted()) {
            LockSupport.park(this);
            wakeUps.incrementAndGet();
        }
        withdraw();
    }

    /**
     * Wakes one announced consumer, if there is one: it comes back from {@link #park()} (or will
     * not park at all) and looks at the queues. Call it after the runnable is on its queue.
     */
    void wakeOne() {
        // With everyone busy (the common case under load), poll() finds the queue empty and returns
        // null, and unpark(null) does nothing.
        LockSupport.unpark(announced.poll());
    }

    /** How many consumers are announced now: parked, or about to park. */
    int idleCount() {
        return announced.size();
    }

    /**
     * How many times a parked consumer has woken up so far: picked by {@link #wakeOne}, interrupted,
     * or for nothing (a permit left by a wake that came after the consumer had found work).
     */
    long wakeUps() {
        return wakeUps.get();
    }
}
