package asyncqueues.step04;

import static org.awaitility.Awaitility.await;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.function.Executable;

/**
 * Waiting on the runtime's consumer threads without hanging when they are gone.
 *
 * <p>If the stealing loop (exercise 4.1) throws, the runtime's consumer threads die as they start
 * (with the exception's stack trace on the console) and no task ever finishes. Waiting with
 * {@code Futures.blockOn} would then hang for good (it does not give up on an interrupt), so the
 * tests wait here instead: with a bound, and failing at once, with a message that says why, when
 * no consumer thread is alive.
 */
final class Workers {

    static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);
    private static final String NO_CONSUMER = "no consumer thread (high-worker-N, low-worker-N) is"
            + " alive, so no task can run: did the stealing loop, AsyncRuntime.consume (exercise"
            + " 4.1), throw? Its stack trace is on the console";

    private Workers() {}

    /**
     * The names of the live consumer threads of the runtime of {@code world}, sorted. Threads
     * inherit the context class loader of the thread that starts them, so the consumers that a
     * test's spawns start carry the test thread's; those of other runtimes in the same JVM (an
     * {@link IsolatedStage} world, or another run of these tests) carry another.
     */
    private static List<String> liveNamesOf(ClassLoader world) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getContextClassLoader() == world)
                .map(Thread::getName)
                .filter(name -> name.matches("(high|low)-worker-\\d+"))
                .sorted()
                .toList();
    }

    /** Waits until every task has finished; fails at once if no consumer thread is alive. */
    static void awaitFinished(Task<?>... tasks) {
        awaitUntil("the tasks to finish", () -> Arrays.stream(tasks).allMatch(Task::isFinished));
    }

    /**
     * Waits until {@code condition} holds; fails at once if no consumer thread is alive. Call it
     * once the runtime has started (after a spawn): before that, no consumer is alive either.
     */
    static void awaitUntil(String what, Callable<Boolean> condition) {
        ClassLoader world = Thread.currentThread().getContextClassLoader();
        await(what)
                .atMost(LIMIT)
                .pollDelay(Duration.ZERO)
                .pollInterval(POLL_INTERVAL)
                .failFast(NO_CONSUMER, () -> liveNamesOf(world).isEmpty())
                .until(condition);
    }

    /**
     * Runs {@code body} (which may block on the runtime's tasks) on a thread of its own and
     * waits until it returns, rethrowing what it threw; fails at once if no consumer thread is
     * alive, leaving the body's thread (a daemon) behind. Start the queues first (see
     * {@link #startQueues()}), or the check may run before the body has started them.
     */
    static void runWatched(Executable body) throws Throwable {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("watched-body").start(() -> {
            try {
                body.execute();
                done.complete(null);
            } catch (Throwable thrown) {
                done.completeExceptionally(thrown);
            }
        });
        awaitUntil("the body to return", done::isDone);
        try {
            done.join();
        } catch (CompletionException e) {
            throw e.getCause();
        }
    }

    /** Starts both queues, as their first spawns do, and waits until both have run a task. */
    static void startQueues() {
        awaitFinished(
                AsyncRuntime.spawnTask(FutureOrderLabel.labelled(FutureType.HIGH, Futures.ready(null))),
                AsyncRuntime.spawnTask(FutureOrderLabel.labelled(FutureType.LOW, Futures.ready(null))));
    }
}
