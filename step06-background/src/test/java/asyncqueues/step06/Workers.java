package asyncqueues.step06;

import static org.awaitility.Awaitility.await;

import asyncqueues.task.Task;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Waiting on the runtime with a bound. {@code Futures.blockOn} does not give up on an interrupt,
 * so a test that blocked on a task that never finishes (an exercise stub threw before the task
 * could be spawned as it should, say) would hang for good; the tests wait here first, or run the
 * blocking code on a thread of its own.
 */
final class Workers {

    static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    private Workers() {}

    /** Waits, with a bound, until every task has finished. */
    static void awaitFinished(Task<?>... tasks) {
        awaitUntil("the tasks to finish", () -> Arrays.stream(tasks).allMatch(Task::isFinished));
    }

    /** Waits, with a bound, until {@code condition} holds. */
    static void awaitUntil(String what, Callable<Boolean> condition) {
        await(what).atMost(LIMIT).pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL).until(condition);
    }

    /**
     * Starts {@code body}, which may block on the runtime's tasks, on a daemon thread of its own,
     * and returns what it returns, or throws what it throws, as a future.
     */
    static <T> CompletableFuture<T> startWatched(ThrowingSupplier<T> body) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("watched-body").start(() -> {
            try {
                done.complete(body.get());
            } catch (Throwable thrown) {
                done.completeExceptionally(thrown);
            }
        });
        return done;
    }

    /** Runs {@code body} as {@link #startWatched} does, and waits, with a bound, until it returns. */
    static void runWatched(Executable body) throws Throwable {
        resultOf(startWatched(() -> {
            body.execute();
            return null;
        }));
    }

    /** Waits, with a bound, for {@code done}; returns its value or throws what it failed with. */
    static <T> T resultOf(CompletableFuture<T> done) throws Throwable {
        awaitUntil("the watched body to return", done::isDone);
        try {
            return done.join();
        } catch (CompletionException e) {
            throw e.getCause();
        }
    }
}
