package asyncqueues.step06;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/**
 * For the trace module's end-to-end test of stage 6, whose program leaves its background process
 * running on the consumers after {@code main} returns (in its own JVM, the end of the program ends
 * it). In a test JVM that process would go on polling for good; so this keeps the consumers that
 * stage 6's runtime starts, through the runtime's thread-factory hook, and stops them afterwards.
 * It lives in the stage's package because the hook is package-private.
 */
public final class TracedConsumers {

    private static final List<Thread> STARTED = new CopyOnWriteArrayList<>();

    private TracedConsumers() {}

    /** Has stage 6's runtime make its consumers here, so that {@link #stop} can find them. */
    public static void keep() {
        ThreadFactory daemons = AsyncRuntime.consumerThreads;
        AsyncRuntime.consumerThreads = runnable -> {
            Thread thread = daemons.newThread(runnable);
            STARTED.add(thread);
            return thread;
        };
    }

    /** The consumers stage 6's runtime started. */
    public static List<Thread> started() {
        return List.copyOf(STARTED);
    }

    /**
     * Interrupts the consumers (an interrupt ends a consumer's loop, and cuts the background
     * process's sleep short) and waits for them to end; returns those still alive after {@code within}.
     */
    public static List<Thread> stop(Duration within) throws InterruptedException {
        STARTED.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + within.toNanos();
        for (Thread thread : STARTED) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(Duration.ofNanos(left));
            }
        }
        return STARTED.stream().filter(Thread::isAlive).toList();
    }
}
