package asyncqueues.task;

import static org.awaitility.Awaitility.await;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;

/**
 * Proves that objects are no longer reachable: asks for garbage collections until every weak
 * reference to them has been cleared, and fails after a bound. {@code System.gc()} is only a
 * request, hence the loop; an object still held by something never clears, hence the bound.
 */
final class Collected {

    private static final Duration BOUND = Duration.ofSeconds(5);

    private Collected() {}

    /** Waits until the garbage collector has cleared every one of {@code references}. */
    static void awaitCleared(String what, List<? extends Reference<?>> references) {
        await(what + " collected")
                .atMost(BOUND)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    System.gc();
                    return references.stream().allMatch(reference -> reference.refersTo(null));
                });
    }

    static void awaitCleared(String what, Reference<?> reference) {
        awaitCleared(what, List.of(reference));
    }
}
