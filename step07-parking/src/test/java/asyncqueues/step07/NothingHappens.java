package asyncqueues.step07;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The bounded wait of a test that something does not happen: that an idle consumer stays parked
 * while there is no work. It watches for {@link #WINDOW}, fails as soon as the thing happens, and
 * passes when the window ends without it: a wait on a condition, never on a sleep.
 */
final class NothingHappens {

    /**
     * How long a test watches idle consumers: stage 4's, which sleep 100 ms and look again, would
     * each wake five times meanwhile.
     */
    static final Duration WINDOW = Duration.ofMillis(500);

    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private NothingHappens() {}

    /**
     * Watches {@code happened} for {@link #WINDOW}; fails with {@code failure} the first time it
     * holds.
     */
    static void during(BooleanSupplier happened, Supplier<String> failure) {
        long deadline = System.nanoTime() + WINDOW.toNanos();
        do {
            if (happened.getAsBoolean()) {
                throw new AssertionError(failure.get() + " (watched for " + WINDOW.toMillis() + " ms)");
            }
            LockSupport.parkNanos(CHECK_NANOS);
        } while (System.nanoTime() - deadline < 0);
    }
}
