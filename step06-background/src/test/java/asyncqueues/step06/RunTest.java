// Carried over unchanged from step05-builder-macros's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step06;

import static asyncqueues.step06.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.Futures;
import asyncqueues.workbook.testing.AllAtOnce;
import asyncqueues.workbook.testing.IsolatedStage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code AsyncRuntime.run()}, exercise 5.4. Once a queue has started in a JVM it cannot be
 * reconfigured, so each test starts the runtime in a world of its own ({@link IsolatedStage}), as
 * a new program would.
 */
@DisplayName("run()")
@Timeout(30)
class RunTest {

    @Test
    @DisplayName("run() starts both queues with the configured numbers of consumer threads")
    void startsBothQueuesWithTheirNumbers() throws Throwable {
        IsolatedStage.run(StartsBothQueues.class);
    }

    @Test
    @DisplayName("run() with the defaults starts max(1, cores - 2) HIGH and 1 LOW consumer threads")
    void startsWithTheDefaults() throws Throwable {
        IsolatedStage.run(StartsWithDefaults.class);
    }

    @Test
    @DisplayName("new AsyncRuntime().run() keeps the numbers given as -DHIGH_NUM and -DLOW_NUM")
    void keepsTheNumbersFromTheCommandLine() throws Throwable {
        IsolatedStage.run(KeepsTheCommandLineNumbers.class); // puts the properties back afterwards
    }

    @Test
    @DisplayName("run() publishes its numbers in the system properties HIGH_NUM and LOW_NUM")
    void publishesItsNumbers() throws Throwable {
        IsolatedStage.run(PublishesItsNumbers.class);
    }

    @Test
    @DisplayName("after run(), the HIGH consumers help with LOW tasks from the first one")
    void stealingWorksFromTheFirstTask() throws Throwable {
        IsolatedStage.run(StealsFromTheFirstTask.class);
    }

    @Test
    @DisplayName("run() with other numbers after a queue has started is an IllegalStateException")
    void refusesToReconfigureAStartedQueue() throws Throwable {
        IsolatedStage.run(RefusesToReconfigure.class);
    }

    /** Runs {@code runtime}; fails, saying so, unless run() returns within a moment. */
    private static void run(AsyncRuntime runtime) throws Exception {
        WORKERS.returned(Executors.callable(runtime::run), () -> "run() did not return: it spawns a task to each"
                + " queue, waits until both have run, and returns");
    }

    static final class StartsBothQueues implements Executable {
        @Override
        public void execute() throws Exception {
            run(new AsyncRuntime().withHighNum(3).withLowNum(2));

            assertThat(IsolatedStage.workerNames()).containsExactly(
                    "high-worker-1", "high-worker-2", "high-worker-3", "low-worker-1", "low-worker-2");
        }
    }

    static final class StartsWithDefaults implements Executable {
        @Override
        public void execute() throws Exception {
            System.clearProperty(AsyncRuntime.HIGH_NUM); // as if started without -D options
            System.clearProperty(AsyncRuntime.LOW_NUM);

            run(new AsyncRuntime());

            int high = Math.max(1, Runtime.getRuntime().availableProcessors() - 2);
            List<String> expected = new ArrayList<>();
            IntStream.rangeClosed(1, high).forEach(n -> expected.add("high-worker-" + n));
            expected.add("low-worker-1");
            assertThat(IsolatedStage.workerNames()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** As if started with {@code java -DHIGH_NUM=3 -DLOW_NUM=2}. */
    static final class KeepsTheCommandLineNumbers implements Executable {
        @Override
        public void execute() throws Exception {
            System.setProperty(AsyncRuntime.HIGH_NUM, "3");
            System.setProperty(AsyncRuntime.LOW_NUM, "2");

            run(new AsyncRuntime());

            assertThat(IsolatedStage.workerNames()).containsExactly(
                    "high-worker-1", "high-worker-2", "high-worker-3", "low-worker-1", "low-worker-2");
            assertThat(System.getProperty(AsyncRuntime.HIGH_NUM)).isEqualTo("3");
            assertThat(System.getProperty(AsyncRuntime.LOW_NUM)).isEqualTo("2");
        }
    }

    static final class PublishesItsNumbers implements Executable {
        @Override
        public void execute() throws Exception {
            run(new AsyncRuntime().withHighNum(2).withLowNum(3));

            assertThat(System.getProperty(AsyncRuntime.HIGH_NUM)).isEqualTo("2");
            assertThat(System.getProperty(AsyncRuntime.LOW_NUM)).isEqualTo("3");
        }
    }

    static final class StealsFromTheFirstTask implements Executable {
        @Override
        public void execute() throws Exception {
            run(new AsyncRuntime().withHighNum(2).withLowNum(1));

            for (int round = 0; round < 5; round++) {
                assertThat(runLowTasksThatNeedEveryConsumer())
                        .as("the threads that ran round %d's LOW tasks", round)
                        .containsExactly("high-worker-1", "high-worker-2", "low-worker-1");
            }
        }

        /**
         * Three LOW tasks that each hold their thread until all three run: with one LOW consumer
         * they can only all finish if both HIGH consumers take one too. Returns the names of
         * the threads that ran them, sorted.
         */
        private static List<String> runLowTasksThatNeedEveryConsumer() {
            return AllAtOnce.threadsThatRan(WORKERS, 3, future -> AsyncRuntime.spawnTask(future, FutureType.LOW),
                    "Did run() start both queues, with the numbers it was given?");
        }
    }

    static final class RefusesToReconfigure implements Executable {
        @Override
        public void execute() throws Exception {
            WORKERS.awaitFinished(AsyncRuntime.spawnTask(Futures.ready(1), FutureType.LOW)); // LOW starts with 1

            run(new AsyncRuntime().withHighNum(2).withLowNum(1)); // same LOW number: fine
            assertThatThrownBy(() -> run(new AsyncRuntime().withHighNum(2).withLowNum(2)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("LOW").hasMessageContaining("already started");
            assertThatThrownBy(() -> run(new AsyncRuntime().withHighNum(3).withLowNum(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HIGH").hasMessageContaining("already started");

            assertThat(IsolatedStage.workerNames())
                    .containsExactly("high-worker-1", "high-worker-2", "low-worker-1");
        }
    }
}
