package asyncqueues.step06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.Futures;
import asyncqueues.task.Result;
import asyncqueues.task.Task;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * Stage 5's runtime, carried over as given code: a check that it is all here. (Stage 5's tests
 * cover it in depth.)
 */
@Timeout(30)
class AsyncRuntimeTest {

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
        Workers.awaitFinished(a, b, failing, cancelled);

        assertThat(AsyncRuntime.join(a, b)).containsExactly("a", "b");
        List<Result<String>> outcomes = AsyncRuntime.tryJoin(b, failing, cancelled);
        assertThat(outcomes.get(0)).isEqualTo(new Result.Ok<>("b"));
        assertThat(outcomes.get(1)).isEqualTo(new Result.Err<String>(boom));
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(Result.Err.class,
                err -> assertThat(err.error()).isInstanceOf(CancellationException.class));
    }

    @Test
    void runStartsBothQueuesWithTheirNumbers() throws Throwable {
        IsolatedStage.run(ConfiguredRun.class);
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
}
