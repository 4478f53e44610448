// Carried over unchanged from step05-builder-macros's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step06;

import static asyncqueues.step06.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.testing.IsolatedStage;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The given parts of the configuration: the builder's numbers and their bounds, where
 * {@code new AsyncRuntime()} takes them from, how a queue reads its number from the system
 * properties when it starts, and what it does when it cannot start that many threads. Each test
 * puts the properties back as they were.
 */
@Timeout(30)
class ConfigurationTest {

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
    void defaultsAreTheChaptersMadeSafe() {
        clearProperties();

        AsyncRuntime runtime = new AsyncRuntime();

        assertThat(runtime.highNum()).isEqualTo(Math.max(1, CORES - 2)).isPositive();
        assertThat(runtime.lowNum()).isEqualTo(1);
    }

    @Test
    void withMethodsGiveANewRuntimeWithThatNumber() {
        clearProperties();
        AsyncRuntime defaults = new AsyncRuntime();

        AsyncRuntime configured = defaults.withLowNum(2).withHighNum(4);

        assertThat(configured.highNum()).isEqualTo(4);
        assertThat(configured.lowNum()).isEqualTo(2);
        assertThat(defaults.highNum()).as("the original is unchanged").isEqualTo(Math.max(1, CORES - 2));
        assertThat(defaults.lowNum()).as("the original is unchanged").isEqualTo(1);
    }

    @Test
    void theNewRuntimeStartsFromTheProperties() {
        System.setProperty(AsyncRuntime.HIGH_NUM, " 4 ");
        System.setProperty(AsyncRuntime.LOW_NUM, "2");

        AsyncRuntime runtime = new AsyncRuntime();

        assertThat(runtime.highNum()).as("java -DHIGH_NUM=4 is what run() will publish").isEqualTo(4);
        assertThat(runtime.lowNum()).isEqualTo(2);
        assertThat(runtime.withHighNum(1).highNum()).as("code overrides the property").isEqualTo(1);
    }

    @Test
    void theNewRuntimeRejectsABadPropertyNamingIt() {
        System.clearProperty(AsyncRuntime.HIGH_NUM);
        System.setProperty(AsyncRuntime.LOW_NUM, "none");

        assertThatThrownBy(AsyncRuntime::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LOW_NUM").hasMessageContaining("none");
    }

    @Test
    void withMethodsRejectFewerThanOneThreadByName() {
        assertThatThrownBy(() -> new AsyncRuntime().withHighNum(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withHighNum");
        assertThatThrownBy(() -> new AsyncRuntime().withLowNum(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withLowNum");
    }

    @Test
    void withMethodsRejectMoreThreadsThanTheBoundNamingIt() {
        assertThat(new AsyncRuntime().withHighNum(AsyncRuntime.MAX_CONSUMERS).highNum()).isEqualTo(256);

        assertThatThrownBy(() -> new AsyncRuntime().withHighNum(1_000_000_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withHighNum").hasMessageContaining("256");
        assertThatThrownBy(() -> new AsyncRuntime().withLowNum(AsyncRuntime.MAX_CONSUMERS + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withLowNum").hasMessageContaining("256");
    }

    @Test
    void aPropertyAboveTheBoundIsRejectedNamingItAndTheBound() {
        System.setProperty(AsyncRuntime.HIGH_NUM, "1000000000");
        System.setProperty(AsyncRuntime.LOW_NUM, Integer.toString(AsyncRuntime.MAX_CONSUMERS + 1));

        assertThatThrownBy(() -> AsyncRuntime.consumerCount(FutureType.HIGH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HIGH_NUM").hasMessageContaining("1000000000").hasMessageContaining("256");
        assertThatThrownBy(() -> AsyncRuntime.consumerCount(FutureType.LOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LOW_NUM").hasMessageContaining("256");
        assertThatThrownBy(AsyncRuntime::new)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HIGH_NUM");
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
    void aBadPropertyFailsTheSpawnButDoesNotBreakTheQueue() throws Throwable {
        IsolatedStage.run(BadPropertyThenFixed.class);
    }

    @Test
    void aPropertyAboveTheBoundFailsTheSpawnBeforeAnyThreadStarts() throws Throwable {
        IsolatedStage.run(TooManyThreads.class);
    }

    @Test
    void aQueueThatCannotStartItsThreadsStopsThemAndSaysWhyOnEverySpawn() throws Throwable {
        IsolatedStage.run(MachineRefusesAThread.class);
    }

    /** The first spawn to HIGH meets a bad HIGH_NUM; once it is fixed, HIGH starts as usual. */
    static final class BadPropertyThenFixed implements Executable {
        @Override
        public void execute() {
            System.setProperty(AsyncRuntime.HIGH_NUM, "two");
            assertThatThrownBy(() -> AsyncRuntime.spawnTask(Futures.ready(1), FutureType.HIGH))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("HIGH_NUM");
            assertThat(IsolatedStage.workerNames()).isEmpty();

            System.setProperty(AsyncRuntime.HIGH_NUM, "2");
            Task<Integer> task = AsyncRuntime.spawnTask(Futures.ready(1), FutureType.HIGH);
            WORKERS.awaitFinished(task);

            assertThat(Futures.blockOn(task)).isEqualTo(1);
            assertThat(IsolatedStage.workerNames()).containsExactly("high-worker-1", "high-worker-2");
        }
    }

    static final class TooManyThreads implements Executable {
        @Override
        public void execute() {
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

            Task<Integer> low = AsyncRuntime.spawnTask(Futures.ready(3), FutureType.LOW);
            WORKERS.awaitFinished(low);
            assertThat(Futures.blockOn(low)).isEqualTo(3);
            assertThat(IsolatedStage.workerNames()).containsExactly("low-worker-1");
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
