// Carried over unchanged from step05-builder-macros's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step06;

import static asyncqueues.step06.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.Futures;
import asyncqueues.task.Result;
import asyncqueues.task.Task;
import asyncqueues.workbook.testing.GateFuture;
import asyncqueues.workbook.testing.Workers;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code AsyncRuntime.tryJoin}: exercise 5.3, and its given argument checks. */
@Timeout(30)
class TryJoinTest {

    private static final String TRY_JOIN_DID_NOT_RETURN = "tryJoin did not return, though every task it was given"
            + " had finished: does it wait for each task once, in argument order, and then return the outcomes?";

    @Test
    @DisplayName("tryJoin gives Ok values, the future's own throwable, and cancellations, in argument order")
    void outcomesInArgumentOrder() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        Task<Integer> first = AsyncRuntime.spawnTask(Futures.ready(1), FutureType.LOW);
        Task<Integer> failing = AsyncRuntime.spawnTask(cx -> {
            throw boom;
        }, FutureType.HIGH);
        Task<Integer> cancelled = AsyncRuntime.spawnTask(new GateFuture<Integer>(), FutureType.LOW);
        cancelled.cancel();
        Task<Integer> last = AsyncRuntime.spawnTask(Futures.ready(4), FutureType.HIGH);
        WORKERS.awaitFinished(first, failing, cancelled, last);

        List<Result<Integer>> outcomes = WORKERS.returned(() -> AsyncRuntime.tryJoin(first, failing, cancelled, last),
                () -> TRY_JOIN_DID_NOT_RETURN);

        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.get(0)).isEqualTo(new Result.Ok<>(1));
        assertThat(outcomes.get(1)).as("the future's own throwable, not a wrapper")
                .isEqualTo(new Result.Err<Integer>(boom));
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(Result.Err.class,
                err -> assertThat(err.error()).isInstanceOf(CancellationException.class));
        assertThat(outcomes.get(3)).isEqualTo(new Result.Ok<>(4));
    }

    @Test
    @DisplayName("tryJoin waits for every task, whatever order they finish in")
    void waitsForEveryTask() throws Throwable {
        GateFuture<String> a = new GateFuture<>();
        GateFuture<String> b = new GateFuture<>();
        Task<String> ta = AsyncRuntime.spawnTask(a, FutureType.HIGH);
        Task<String> tb = AsyncRuntime.spawnTask(b, FutureType.LOW);
        try {
            Workers.Watched<List<Result<String>>> joined = WORKERS.startWatched(() -> AsyncRuntime.tryJoin(ta, tb));

            b.open("b");
            WORKERS.awaitFinished(tb);
            a.open("a");

            assertThat(WORKERS.resultOf(joined, () -> TRY_JOIN_DID_NOT_RETURN))
                    .containsExactly(new Result.Ok<>("a"), new Result.Ok<>("b"));
        } finally {
            a.open("released"); // a no-op for a gate already open
            b.open("released");
        }
    }

    @Test
    @DisplayName("tryJoin gives a detached task an Err that says so, and the other tasks their outcomes")
    void detachedTask() throws Exception {
        Task<Integer> first = AsyncRuntime.spawnTask(Futures.ready(1), FutureType.LOW);
        Task<Integer> detached = AsyncRuntime.spawnTask(Futures.ready(2), FutureType.HIGH);
        detached.detach();
        Task<Integer> last = AsyncRuntime.spawnTask(Futures.ready(3), FutureType.LOW);
        WORKERS.awaitFinished(first, detached, last);

        List<Result<Integer>> outcomes = WORKERS.returned(() -> AsyncRuntime.tryJoin(first, detached, last),
                () -> TRY_JOIN_DID_NOT_RETURN);

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0)).isEqualTo(new Result.Ok<>(1));
        assertThat(outcomes.get(1)).as("the detached task's outcome").isInstanceOfSatisfying(Result.Err.class,
                err -> assertThat(err.error()).isInstanceOf(IllegalStateException.class).hasMessageContaining("detached"));
        assertThat(outcomes.get(2)).isEqualTo(new Result.Ok<>(3));
    }

    @Test
    void rejectsNullsByPosition() {
        Task<String> task = AsyncRuntime.spawnTask(Futures.ready("x"), FutureType.LOW);

        assertThatThrownBy(() -> AsyncRuntime.tryJoin((Task<String>[]) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("tasks");
        assertThatThrownBy(() -> AsyncRuntime.tryJoin(null, task))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("task 0");
    }
}
