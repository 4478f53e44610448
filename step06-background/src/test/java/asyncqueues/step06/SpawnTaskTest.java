// Carried over unchanged from step05-builder-macros's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step06;

import static asyncqueues.step06.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.testing.IsolatedStage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code spawnTask(future, order)} (given) and {@code spawnTask(future)} (exercise 5.1). Which
 * queue a task went to shows in which consumers exist in a new program, where a queue starts on
 * its first task; so those tests run in a world of their own ({@link IsolatedStage}).
 */
@Timeout(30)
class SpawnTaskTest {

    @Test
    void spawnTaskWithAnOrderRunsTheFuture() throws Throwable {
        Task<String> high = AsyncRuntime.spawnTask(Futures.ready("high"), FutureType.HIGH);
        Task<String> low = AsyncRuntime.spawnTask(Futures.ready("low"), FutureType.LOW);
        WORKERS.awaitFinished(high, low);

        assertThat(Futures.blockOn(high)).isEqualTo("high");
        assertThat(Futures.blockOn(low)).isEqualTo("low");
    }

    @Test
    void spawnTaskToHighStartsOnlyTheHighQueue() throws Throwable {
        IsolatedStage.run(SpawnToHigh.class);
    }

    @Test
    void spawnTaskRejectsNullsByName() {
        assertThatThrownBy(() -> AsyncRuntime.spawnTask(null, FutureType.LOW))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("future");
        assertThatThrownBy(() -> AsyncRuntime.spawnTask(Futures.ready(1), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("order");
        assertThatThrownBy(() -> AsyncRuntime.spawnTask(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("future");
    }

    @Test
    @DisplayName("spawnTask(future) runs the future")
    void spawnTaskWithoutAnOrderRunsTheFuture() {
        Task<Integer> task = AsyncRuntime.spawnTask(Futures.ready(42));
        WORKERS.awaitFinished(task);

        assertThat(Futures.blockOn(task)).isEqualTo(42);
    }

    @Test
    @DisplayName("spawnTask(future) sends the future to the LOW queue")
    void spawnTaskWithoutAnOrderUsesLow() throws Throwable {
        IsolatedStage.run(SpawnWithoutOrder.class);
    }

    static final class SpawnToHigh implements Executable {
        @Override
        public void execute() {
            WORKERS.awaitFinished(AsyncRuntime.spawnTask(Futures.ready(1), FutureType.HIGH));

            assertThat(IsolatedStage.workerNames())
                    .isNotEmpty()
                    .allMatch(name -> name.startsWith("high-worker-"));
        }
    }

    static final class SpawnWithoutOrder implements Executable {
        @Override
        public void execute() {
            WORKERS.awaitFinished(AsyncRuntime.spawnTask(Futures.ready(1)));

            assertThat(IsolatedStage.workerNames()).containsExactly("low-worker-1");
        }
    }
}
