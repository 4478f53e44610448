package asyncqueues.task;

import java.util.List;

/** Stops the helper threads a test started, so none outlives its test. */
final class Threads {

    private Threads() {}

    /**
     * Interrupts each of {@code threads} (each must end when interrupted) and waits for all to
     * end. An interrupt of the caller does not cut the wait short; it is kept for the caller.
     */
    static void stop(List<Thread> threads) {
        threads.forEach(Thread::interrupt);
        boolean interrupted = false;
        for (Thread thread : threads) {
            for (;;) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
