package asyncqueues.step07;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.testing.TaskState;
import asyncqueues.workbook.testing.ThreadReport;
import asyncqueues.workbook.testing.Within;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;

/**
 * Waiting on the runtime's consumer threads without hanging when they are gone.
 *
 * <p>If the parking loop (exercise 7.1) throws, the runtime's consumer threads die as they start
 * (with the exception's stack trace on the console) and no task ever finishes. Waiting with
 * {@code Futures.blockOn} would then hang for good (it does not give up on an interrupt), so the
 * tests wait here instead: for {@link Within#MOMENT} at most, failing with what the consumer
 * threads are doing, and at once, with a message that says why, when no consumer thread is alive.
 */
final class Workers {

    /** How long {@link #runWatched} waits: {@code Main --fast} runs for about 15 ticks of 50 ms. */
    static final Duration MAIN_RETURNS = Duration.ofSeconds(3);

    private static final String NO_CONSUMER = "no consumer thread (high-worker-N, low-worker-N) is"
            + " alive, so no task can run: did the parking loop, AsyncRuntime.consume (exercise"
            + " 7.1), throw? Its stack trace is on the console";

    /** What a runtime needs so that work queued while every consumer is parked is done. */
    private static final String PARKED = "a runnable queued while every consumer is parked runs only if the schedule"
            + " function (exercise 7.2) calls idle.wakeOne() after queueing it, and if each consumer (exercise 7.1)"
            + " looks at both queues again after announcing itself idle, before it parks: without either, a lost"
            + " wake-up";

    private Workers() {}

    /**
     * The live consumer threads of the runtime of {@code world}, sorted by name. Threads inherit
     * the context class loader of the thread that starts them, so the consumers that a test's
     * spawns start carry the test thread's; those of other runtimes in the same JVM (an
     * {@link IsolatedStage} world, or another run of these tests) carry another.
     */
    private static List<Thread> consumersOf(ClassLoader world) {
        return ThreadReport.liveThreadsNamed("(high|low)-worker-\\d+").stream()
                .filter(thread -> thread.getContextClassLoader() == world)
                .toList();
    }

    /** Waits until every task has finished; fails at once if no consumer thread is alive. */
    static void awaitFinished(Task<?>... tasks) {
        awaitUntil(() -> Arrays.stream(tasks).allMatch(Task::isFinished), () -> "the tasks did not finish: "
                + Arrays.stream(tasks).filter(task -> !task.isFinished()).map(TaskState::explain)
                        .collect(Collectors.joining("; ")));
    }

    /**
     * Waits until {@code condition} holds, for {@link Within#MOMENT} at most, failing with
     * {@code failure} and what the consumers are doing; fails at once if no consumer thread is
     * alive. Call it once the runtime has started (after a spawn): before that, no consumer is
     * alive either.
     */
    static void awaitUntil(BooleanSupplier condition, Supplier<String> failure) {
        ClassLoader world = Thread.currentThread().getContextClassLoader();
        Within.await(Within.MOMENT, () -> condition.getAsBoolean() || consumersOf(world).isEmpty(),
                () -> failure.get() + " (" + ThreadReport.describe(consumersOf(world)) + "; " + PARKED + ")");
        if (!condition.getAsBoolean()) {
            throw new AssertionError(NO_CONSUMER);
        }
    }

    /**
     * Runs {@code body} (which may block on the runtime's tasks) on a thread of its own and
     * waits, for {@link #MAIN_RETURNS} at most, until it returns, rethrowing what it threw; if it
     * does not, fails saying that {@code what} did not return and where the threads are; fails
     * at once if no consumer thread is alive, leaving the body's thread (a daemon) behind. Start
     * the queues first (see {@link #startQueues()}), or the check may run before the body has
     * started them.
     */
    static void runWatched(String what, Executable body) throws Throwable {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread watched = Thread.ofPlatform().daemon().name("watched-body").start(() -> {
            try {
                body.execute();
            } catch (Throwable failure) {
                thrown.set(failure);
            }
        });
        ClassLoader world = Thread.currentThread().getContextClassLoader();
        Within.await(MAIN_RETURNS, () -> !watched.isAlive() || consumersOf(world).isEmpty(),
                () -> what + " did not return (" + ThreadReport.describe(watched) + "; "
                        + ThreadReport.describe(consumersOf(world)) + "; " + PARKED + ")");
        if (watched.isAlive()) {
            throw new AssertionError(NO_CONSUMER);
        }
        if (thrown.get() != null) { // seen: a thread's last action comes before isAlive() says it ended
            throw thrown.get();
        }
    }

    /**
     * Waits until every live consumer of the runtime is parked: announced idle in
     * {@link IdleConsumers}, and its thread waiting. Call it once the runtime has started.
     */
    static void awaitAllParked() {
        ClassLoader world = Thread.currentThread().getContextClassLoader();
        awaitUntil(() -> {
            List<Thread> consumers = consumersOf(world);
            return AsyncRuntime.idleConsumers() == consumers.size()
                    && consumers.stream().allMatch(consumer -> consumer.getState() == Thread.State.WAITING);
        }, () -> "the consumers did not all park with no work to do (" + AsyncRuntime.idleConsumers() + " of "
                + consumersOf(world).size() + " announced idle): when both queues are empty, does the loop (exercise"
                + " 7.1) announce itself idle, look again, and park?");
    }

    /** Starts both queues, as their first spawns do, and waits until both have run a task. */
    static void startQueues() {
        awaitFinished(
                AsyncRuntime.spawnTask(FutureOrderLabel.labelled(FutureType.HIGH, Futures.ready(null))),
                AsyncRuntime.spawnTask(FutureOrderLabel.labelled(FutureType.LOW, Futures.ready(null))));
    }
}
