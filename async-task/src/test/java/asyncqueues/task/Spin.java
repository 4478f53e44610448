package asyncqueues.task;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * Waits that spin a little before they park. The race tests hand work from thread to thread a
 * hundred thousand times; when every handoff parks and unparks a thread, the context switches
 * make them ten times slower. Spinning catches the handoffs that come at once, and yielding now
 * and then keeps a spinner from holding a core that the thread it waits for needs (the tests
 * run more threads than a two-core machine has cores, often beside other builds).
 */
final class Spin {

    private static final int SPINS = 10_000;
    private static final int YIELD_EVERY = 64;

    private Spin() {}

    /** Takes the head of {@code queue}, waiting if needed. */
    static <E> E take(BlockingQueue<E> queue) throws InterruptedException {
        for (int spin = 0; spin < SPINS; spin++) {
            E head = queue.poll();
            if (head != null) {
                return head;
            }
            pause(spin);
        }
        return queue.take();
    }

    /** Takes a permit of {@code permits}, waiting if needed. */
    static void acquire(Semaphore permits) throws InterruptedException {
        for (int spin = 0; spin < SPINS; spin++) {
            if (permits.tryAcquire()) {
                return;
            }
            pause(spin);
        }
        permits.acquire();
    }

    /** Spins (yielding now and then) until {@code condition} holds: for partners known to be running. */
    static void until(BooleanSupplier condition) {
        for (int spin = 0; !condition.getAsBoolean(); spin++) {
            pause(spin);
        }
    }

    /** Spins {@code spins} times (yielding now and then), for a delay too short to sleep. */
    static void times(int spins) {
        for (int spin = 0; spin < spins; spin++) {
            pause(spin);
        }
    }

    private static void pause(int spin) {
        if (spin % YIELD_EVERY == YIELD_EVERY - 1) {
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }
}
