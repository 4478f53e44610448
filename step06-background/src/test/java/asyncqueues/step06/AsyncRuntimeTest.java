package asyncqueues.step06;

import static asyncqueues.step06.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import asyncqueues.task.Futures;
import asyncqueues.task.Result;
import asyncqueues.task.Task;
import asyncqueues.workbook.testing.GateFuture;
import asyncqueues.workbook.testing.IsolatedStage;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * Stage 5's runtime, carried over as given code: a check that it is all here, its configuration
 * and its answers to bad inputs included. (Stage 5's tests cover it in depth.) Each test puts the
 * system properties HIGH_NUM and LOW_NUM back as they were.
 */
@Timeout(30)
class AsyncRuntimeTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private String savedHigh;
    private String savedLow;

    @BeforeEach
    void saveProperties() {
        savedHigh = System.getProperty(AsyncRuntime.HIGH_NUM);
        savedLow = System.getProperty(AsyncRuntime.LOW_NUM);
    }

    @AfterEach
    void restoreProperties() {
        restore(AsyncRuntime.HIGH_NUM, savedHigh);
        restore(AsyncRuntime.LOW_NUM, savedLow);
    }

    @Test
    void joinAndTryJoinGiveOutcomesInArgumentOrder() {
        IllegalStateException boom = new IllegalStateException("boom");
        Task<String> a = AsyncRuntime.spawnTask(Futures.ready("a"), FutureType.HIGH);
        Task<String> b = AsyncRuntime.spawnTask(Futures.ready("b"));
        Task<String> failing = AsyncRuntime.spawnTask(cx -> {
            throw boom;
        });
        Task<String> cancelled = AsyncRuntime.spawnTask(new GateFuture<String>());
        cancelled.cancel();
        WORKERS.awaitFinished(a, b, failing, cancelled);

        assertThat(AsyncRuntime.join(a, b)).containsExactly("a", "b");
        List<Result<String>> outcomes = AsyncRuntime.tryJoin(b, failing, cancelled);
        assertThat(outcomes.get(0)).isEqualTo(new Result.Ok<>("b"));
        assertThat(outcomes.get(1)).isEqualTo(new Result.Err<String>(boom));
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(Result.Err.class,
                err -> assertThat(err.error()).isInstanceOf(CancellationException.class));
    }

    @Test
    void tryJoinGivesADetachedTaskAnErrAndJoinNamesIt() {
        Task<String> a = AsyncRuntime.spawnTask(Futures.ready("a"), FutureType.HIGH);
        Task<String> detached = AsyncRuntime.spawnTask(Futures.ready("dropped"));
        detached.detach();
        Task<String> b = AsyncRuntime.spawnTask(Futures.ready("b"));
        WORKERS.awaitFinished(a, detached, b);

        List<Result<String>> outcomes = AsyncRuntime.tryJoin(a, detached, b);
        assertThat(outcomes.get(0)).isEqualTo(new Result.Ok<>("a"));
        assertThat(outcomes.get(1)).as("the detached task's outcome").isInstanceOfSatisfying(Result.Err.class,
                err -> assertThat(err.error()).isInstanceOf(IllegalStateException.class).hasMessageContaining("detached"));
        assertThat(outcomes.get(2)).isEqualTo(new Result.Ok<>("b"));
        assertThatThrownBy(() -> AsyncRuntime.join(a, detached))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("task 1").hasMessageContaining("detached");
    }

    @Test
    void joinAndTryJoinRejectNullsByPosition() {
        Task<String> task = AsyncRuntime.spawnTask(Futures.ready("x"));

        assertThatThrownBy(() -> AsyncRuntime.join((Task<String>[]) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("tasks");
        assertThatThrownBy(() -> AsyncRuntime.join(task, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("task 1");
        assertThatThrownBy(() -> AsyncRuntime.tryJoin((Task<String>[]) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("tasks");
        assertThatThrownBy(() -> AsyncRuntime.tryJoin(null, task))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("task 0");
    }

    @Test
    void defaultsAreTheChaptersMadeSafe() {
        clearProperties();

        AsyncRuntime runtime = new AsyncRuntime();

        assertThat(runtime.highNum()).isEqualTo(Math.max(1, CORES - 2)).isPositive();
        assertThat(runtime.lowNum()).isEqualTo(1);
    }

    @Test
    void withMethodsTakeAnyNumberFromOneToTheBound() {
        clearProperties();

        AsyncRuntime configured = new AsyncRuntime().withHighNum(1).withLowNum(AsyncRuntime.MAX_CONSUMERS);

        assertThat(configured.highNum()).isEqualTo(1);
        assertThat(configured.lowNum()).isEqualTo(256);
        assertThat(configured.withHighNum(256).highNum()).isEqualTo(256);
        assertThat(configured.withLowNum(1).lowNum()).isEqualTo(1);
    }

    @Test
    void withMethodsRejectFewerThanOneThreadByName() {
        assertThatThrownBy(() -> new AsyncRuntime().withHighNum(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withHighNum");
        assertThatThrownBy(() -> new AsyncRuntime().withLowNum(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withLowNum");
    }

    @Test
    void aQueueUsesItsPropertyOrTheDefault() {
        System.clearProperty(AsyncRuntime.HIGH_NUM);
        System.setProperty(AsyncRuntime.LOW_NUM, " 3 ");

        assertThat(AsyncRuntime.consumerCount(FutureType.HIGH)).isEqualTo(Math.max(1, CORES - 2));
        assertThat(AsyncRuntime.consumerCount(FutureType.LOW)).isEqualTo(3);
    }

    @Test
    void aQueueTakesAnyNumberFromOneToTheBound() {
        System.setProperty(AsyncRuntime.HIGH_NUM, "1");
        System.setProperty(AsyncRuntime.LOW_NUM, Integer.toString(AsyncRuntime.MAX_CONSUMERS));

        assertThat(AsyncRuntime.consumerCount(FutureType.HIGH)).isEqualTo(1);
        assertThat(AsyncRuntime.consumerCount(FutureType.LOW)).isEqualTo(256);
    }

    @Test
    void aQueueRejectsABadPropertyNamingIt() {
        System.setProperty(AsyncRuntime.HIGH_NUM, "many");
        System.setProperty(AsyncRuntime.LOW_NUM, "0");

        assertThatThrownBy(() -> AsyncRuntime.consumerCount(FutureType.HIGH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HIGH_NUM").hasMessageContaining("many");
        assertThatThrownBy(() -> AsyncRuntime.consumerCount(FutureType.LOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LOW_NUM").hasMessageContaining("0");
    }

    @Test
    void threadNumbersAreBoundedWhicheverWayTheyAreGiven() throws Throwable {
        assertThatThrownBy(() -> new AsyncRuntime().withHighNum(1_000_000_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withHighNum").hasMessageContaining("256");
        assertThatThrownBy(() -> new AsyncRuntime().withLowNum(AsyncRuntime.MAX_CONSUMERS + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withLowNum").hasMessageContaining("256");
        IsolatedStage.run(TooManyThreads.class); // puts the properties back afterwards
    }

    @Test
    void aQueueThatCannotStartItsThreadsStopsThemAndSaysWhyOnEverySpawn() throws Throwable {
        IsolatedStage.run(MachineRefusesAThread.class);
    }

    /** As if started with {@code java -DHIGH_NUM=1000000000}: refused before any thread starts. */
    static final class TooManyThreads implements Executable {
        @Override
        public void execute() {
            System.setProperty(AsyncRuntime.HIGH_NUM, "1000000000");
            assertThatThrownBy(AsyncRuntime::new)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("HIGH_NUM").hasMessageContaining("256");

            System.setProperty(AsyncRuntime.HIGH_NUM, Integer.toString(AsyncRuntime.MAX_CONSUMERS + 1));
            assertThatThrownBy(() -> AsyncRuntime.spawnTask(Futures.ready(1), FutureType.HIGH))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("HIGH_NUM").hasMessageContaining("256");
            assertThat(IsolatedStage.workerNames()).as("the consumer threads started").isEmpty();
        }
    }

    /**
     * The machine refuses HIGH's third consumer thread, as it does when a process has run out of
     * threads. The queue stops the two it started, and every spawn to it, the first and the
     * later ones, fails with the reason (not a bare NoClassDefFoundError from a broken holder
     * class); LOW is not affected.
     */
    static final class MachineRefusesAThread implements Executable {
        @Override
        public void execute() {
            ThreadFactory machine = AsyncRuntime.consumerThreads;
            AtomicInteger made = new AtomicInteger();
            AsyncRuntime.consumerThreads = consumer -> {
                if (made.incrementAndGet() == 3) {
                    throw new OutOfMemoryError("unable to create native thread: possibly out of memory or"
                            + " process/resource limits reached");
                }
                return machine.newThread(consumer);
            };
            System.setProperty(AsyncRuntime.HIGH_NUM, "4");

            Throwable first = catchThrowable(() -> AsyncRuntime.spawnTask(Futures.ready(1), FutureType.HIGH));
            assertThat(first).as("the first spawn to HIGH, which starts the queue")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContainingAll("HIGH queue", "3 of 4", "HIGH_NUM", "256");
            WORKERS.awaitUntil(() -> IsolatedStage.workerNames().isEmpty(), () -> "the consumer threads that the"
                    + " HIGH queue started before the machine refused one are still running: "
                    + IsolatedStage.workerNames());

            assertThatThrownBy(() -> AsyncRuntime.spawnTask(Futures.ready(2), FutureType.HIGH))
                    .as("a later spawn to HIGH")
                    .isInstanceOf(IllegalStateException.class).hasMessage(first.getMessage());

            Task<Integer> low = AsyncRuntime.spawnTask(Futures.ready(3));
            WORKERS.awaitFinished(low);
            assertThat(Futures.blockOn(low)).isEqualTo(3);
            assertThat(IsolatedStage.workerNames()).containsExactly("low-worker-1");
        }
    }

    @Test
    void runStartsBothQueuesWithTheirNumbers() throws Throwable {
        IsolatedStage.run(ConfiguredRun.class);
    }

    @Test
    void runAgainWithTheSameNumbersIsFineButOtherNumbersAreRefused() throws Throwable {
        IsolatedStage.run(RefusesToReconfigure.class); // puts the properties back afterwards
    }

    @Test
    void aNewRuntimeKeepsTheNumbersFromTheCommandLine() throws Throwable {
        IsolatedStage.run(CommandLineRun.class); // puts the properties back afterwards
    }

    /** As if started with {@code java -DHIGH_NUM=3 -DLOW_NUM=2}: run() must not overwrite them. */
    static final class CommandLineRun implements Executable {
        @Override
        public void execute() {
            System.setProperty(AsyncRuntime.HIGH_NUM, "3");
            System.setProperty(AsyncRuntime.LOW_NUM, "2");

            new AsyncRuntime().run();

            assertThat(IsolatedStage.workerNames()).containsExactly(
                    "high-worker-1", "high-worker-2", "high-worker-3", "low-worker-1", "low-worker-2");
            assertThat(System.getProperty(AsyncRuntime.HIGH_NUM)).isEqualTo("3");
            assertThat(System.getProperty(AsyncRuntime.LOW_NUM)).isEqualTo("2");
        }
    }

    static final class ConfiguredRun implements Executable {
        @Override
        public void execute() {
            new AsyncRuntime().withLowNum(2).withHighNum(4).run();

            assertThat(IsolatedStage.workerNames()).containsExactly("high-worker-1", "high-worker-2",
                    "high-worker-3", "high-worker-4", "low-worker-1", "low-worker-2");
            assertThatThrownBy(() -> new AsyncRuntime().withLowNum(1).withHighNum(4).run())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
        }
    }

    /** LOW starts on a first spawn, with its default; run() may then ask for that number, and no other. */
    static final class RefusesToReconfigure implements Executable {
        @Override
        public void execute() {
            clearProperties();
            WORKERS.awaitFinished(AsyncRuntime.spawnTask(Futures.ready(1))); // LOW starts with 1

            new AsyncRuntime().withHighNum(2).withLowNum(1).run(); // the same LOW number: fine
            new AsyncRuntime().withHighNum(2).withLowNum(1).run(); // and again, now that both have started
            assertThatThrownBy(() -> new AsyncRuntime().withHighNum(2).withLowNum(2).run())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("LOW").hasMessageContaining("already started");
            assertThatThrownBy(() -> new AsyncRuntime().withHighNum(3).withLowNum(1).run())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HIGH").hasMessageContaining("already started");

            assertThat(IsolatedStage.workerNames())
                    .containsExactly("high-worker-1", "high-worker-2", "low-worker-1");
        }
    }

    private static void clearProperties() {
        System.clearProperty(AsyncRuntime.HIGH_NUM);
        System.clearProperty(AsyncRuntime.LOW_NUM);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
