// Carried over unchanged from step05-builder-macros's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step06;

import asyncqueues.task.Task;
import asyncqueues.workbook.testing.TaskState;
import asyncqueues.workbook.testing.ThreadReport;
import asyncqueues.workbook.testing.Within;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Waiting on the runtime with a bound. {@code Futures.blockOn} does not give up on an interrupt,
 * so a test that blocked on a task that never finishes (an exercise stub threw before the task
 * could be spawned as it should, say) would hang for good; the tests wait here first, or run the
 * blocking code on a thread of its own. A wait that runs out fails with what the runtime's
 * consumer threads are doing.
 */
final class Workers {

    /** How long {@link #runWatched} waits for a program: {@code Main --fast} runs for about 15 ticks of 50 ms. */
    static final Duration MAIN_RETURNS = Duration.ofSeconds(3);

    private Workers() {}

    /**
     * The live consumer threads of the runtime of the calling thread's world, sorted by name.
     * Threads inherit the context class loader of the thread that starts them, so the consumers
     * that a test's spawns start carry the test thread's; those of other runtimes in the same JVM
     * (an {@link IsolatedStage} world) carry another.
     */
    private static String consumers() {
        ClassLoader world = Thread.currentThread().getContextClassLoader();
        List<Thread> consumers = ThreadReport.liveThreadsNamed("(high|low)-worker-\\d+").stream()
                .filter(thread -> thread.getContextClassLoader() == world)
                .toList();
        return ThreadReport.describe(consumers);
    }

    /** Waits, for {@link Within#MOMENT} at most, until every task has finished. */
    static void awaitFinished(Task<?>... tasks) {
        awaitUntil(() -> Arrays.stream(tasks).allMatch(Task::isFinished), () -> "the tasks did not finish: "
                + Arrays.stream(tasks).filter(task -> !task.isFinished()).map(TaskState::explain)
                        .collect(Collectors.joining("; ")));
    }

    /**
     * Waits, for {@link Within#MOMENT} at most, until {@code condition} holds; fails with
     * {@code failure} and what the consumers are doing.
     */
    static void awaitUntil(BooleanSupplier condition, Supplier<String> failure) {
        Within.await(Within.MOMENT, condition, () -> failure.get() + " (" + consumers() + ")");
    }

    /**
     * Starts {@code body}, which may block on the runtime's tasks, on a daemon thread of its own;
     * {@link #resultOf} waits for what it returns or throws.
     */
    static <T> FutureTask<T> startWatched(Callable<T> body) {
        FutureTask<T> done = new FutureTask<>(body);
        Thread.ofPlatform().daemon().name("watched-body").start(done);
        return done;
    }

    /**
     * Runs {@code body} as {@link #startWatched} does, and waits, for {@code bound} at most, until
     * it returns; if it does not, fails with {@code failure} and what the consumers are doing.
     */
    static void runWatched(Duration bound, Runnable body, Supplier<String> failure) throws Exception {
        resultOf(bound, startWatched(Executors.callable(body)), failure);
    }

    /** Calls {@code call} (a join, say) as {@link #startWatched} does, and returns {@link #resultOf} it. */
    static <T> T returned(Callable<T> call, Supplier<String> failure) throws Exception {
        return resultOf(startWatched(call), failure);
    }

    /**
     * Waits, for {@link Within#MOMENT} at most, for {@code done}; returns its value or throws what
     * it threw; if it is not done, fails with {@code failure} and what the consumers are doing.
     */
    static <T> T resultOf(FutureTask<T> done, Supplier<String> failure) throws Exception {
        return resultOf(Within.MOMENT, done, failure);
    }

    private static <T> T resultOf(Duration bound, FutureTask<T> done, Supplier<String> failure) throws Exception {
        Within.await(bound, done::isDone, () -> failure.get() + " (" + consumers() + ")");
        try {
            return done.get();
        } catch (ExecutionException e) {
            Throwable thrown = e.getCause();
            if (thrown instanceof Error error) {
                throw error;
            }
            throw thrown instanceof Exception exception ? exception : e;
        }
    }
}
