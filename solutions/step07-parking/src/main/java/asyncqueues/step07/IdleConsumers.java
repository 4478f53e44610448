package asyncqueues.step07;

import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * compare-and-set, no system call.
 *
 * <p>An unpark is a system call, and the woken thread takes tens of microseconds to run; a
 * producer that spawns a task every hundred nanoseconds would pay one per spawn, as long as
 * someone is parked. So one wake at a time is on its way: a {@link #wakeOne} that finds a wake on
 * its way leaves it at that, and the woken consumer, as it comes back and before it looks at the
 * queues, wakes the next one if the queues hold more than the one runnable it is about to take.
 * Nothing is lost: a runnable whose producer found a wake on its way was queued before that
 * consumer came back, so the consumer either takes it or, seeing it wait behind its own, wakes
 * the next consumer to take it. This is how the JDK's {@code LinkedBlockingQueue} passes a
 * signal from one taker to the next.
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

    /** Set while a consumer picked by {@link #wakeOne} has not yet come back: the wake on its way. */
    private final AtomicBoolean waking = new AtomicBoolean();

    /** The queues the consumers take from, to see whether a consumer that comes back needs help. */
    private final List<? extends Collection<?>> queues;

    /** Idle consumers of {@code queues}, the queues they take runnables from. */
    IdleConsumers(Collection<?>... queues) {
        this.queues = List.of(queues);
    }

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
        leave(0); // its second look took its runnable already
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
        leave(1); // picked by a wake (else interrupted), it is about to look and take one runnable
    }

    /**
     * Ends the calling consumer's announcement. If a {@link #wakeOne} picked it meanwhile, that
     * wake is over: more runnables waiting than the {@code itsOwn} it takes, and it wakes the next
     * consumer to take them.
     */
    private void leave(int itsOwn) {
        announcing.set(Boolean.FALSE);
        if (!announced.remove(Thread.currentThread())) {
            comeBack(itsOwn);
        }
    }

    /**
     * Wakes one announced consumer, if there is one: it comes back from {@link #park()} (or will
     * not park at all) and looks at the queues. Call it after the runnable is on its queue.
     */
    void wakeOne() {
        // With everyone busy, the common case under load, the queue of announced consumers is empty.
        while (!announced.isEmpty() && waking.compareAndSet(false, true)) {
            Thread picked = announced.poll();
            if (picked != null) {
                LockSupport.unpark(picked);
                return;
            }
            waking.set(false); // the announced consumer withdrew meanwhile: look again
        }
    }

    /** The end of a wake, in the consumer that {@link #wakeOne} picked; see {@link #leave}. */
    private void comeBack(int itsOwn) {
        waking.set(false);
        int waiting = 0;
        for (Collection<?> queue : queues) {
            waiting += queue.size();
        }
        if (waiting > itsOwn) {
            wakeOne();
        }
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
