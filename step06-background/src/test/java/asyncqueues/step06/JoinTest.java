// Carried over unchanged from step05-builder-macros's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step06;

import static asyncqueues.step06.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.testing.GateFuture;
import asyncqueues.workbook.testing.Workers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code AsyncRuntime.join}: exercise 5.2, and its given argument checks. */
@Timeout(30)
class JoinTest {

    private static final String JOIN_DID_NOT_RETURN = "join did not return, though every task it was given had"
            + " finished: does it wait for each task once, in argument order, and then return the values?";

    @Test
    @DisplayName("join gives the values in argument order, whatever order the tasks finish in")
    void valuesInArgumentOrder() throws Throwable {
        // Each wake may wait for an idle consumer's 100 ms nap: a few orders keep this quick.
        Random random = new Random(42);
        for (int round = 0; round < 4; round++) {
            List<Integer> finishingOrder = new ArrayList<>(List.of(0, 1, 2, 3));
            Collections.shuffle(finishingOrder, random);
            assertThat(joinFinishingIn(finishingOrder))
                    .as("join of tasks finishing in the order %s", finishingOrder)
                    .containsExactly("t0", "t1", "t2", "t3");
        }
    }

    /**
     * Spawns one task per position, starts a join of them all in argument order, and then lets
     * the tasks finish one at a time in {@code finishingOrder}; returns what the join returned.
     */
    @SuppressWarnings("unchecked")
    private static List<String> joinFinishingIn(List<Integer> finishingOrder) throws Throwable {
        int n = finishingOrder.size();
        List<GateFuture<String>> gates = new ArrayList<>();
        Task<String>[] tasks = new Task[n];
        for (int i = 0; i < n; i++) {
            gates.add(new GateFuture<>());
            tasks[i] = AsyncRuntime.spawnTask(gates.get(i), i % 2 == 0 ? FutureType.LOW : FutureType.HIGH);
        }
        try {
            Workers.Watched<List<String>> joined = WORKERS.startWatched(() -> AsyncRuntime.join(tasks));
            for (int i : finishingOrder) {
                gates.get(i).open("t" + i);
                WORKERS.awaitFinished(tasks[i]);
            }
            return WORKERS.resultOf(joined, () -> JOIN_DID_NOT_RETURN);
        } finally {
            gates.forEach(gate -> gate.open("released")); // a no-op for the gates already open
        }
    }

    @Test
    @DisplayName("join of Void tasks gives a list of nulls, one per task")
    void voidTasks() throws Throwable {
        Task<Void> one = AsyncRuntime.spawnTask(Futures.async(() -> {}), FutureType.LOW);
        Task<Void> two = AsyncRuntime.spawnTask(Futures.async(() -> {}), FutureType.HIGH);
        WORKERS.awaitFinished(one, two);

        assertThat(WORKERS.returned(() -> AsyncRuntime.join(one, two), () -> JOIN_DID_NOT_RETURN))
                .hasSize(2).containsOnlyNulls();
    }

    @Test
    @DisplayName("join of no tasks is an empty list")
    void noTasks() {
        assertThat(AsyncRuntime.<String>join()).isEmpty();
    }

    @Test
    @DisplayName("join of a task whose future threw rethrows, with what it threw as the cause")
    void failedTask() {
        IllegalStateException boom = new IllegalStateException("boom");
        Task<String> failing = AsyncRuntime.spawnTask(cx -> {
            throw boom;
        }, FutureType.LOW);
        WORKERS.awaitFinished(failing);

        assertThatThrownBy(() -> WORKERS.returned(() -> AsyncRuntime.join(failing), () -> JOIN_DID_NOT_RETURN))
                .isInstanceOf(CompletionException.class)
                .hasCause(boom);
    }

    @Test
    @DisplayName("join of a cancelled task says so")
    void cancelledTask() {
        Task<String> done = AsyncRuntime.spawnTask(Futures.ready("done"), FutureType.LOW);
        Task<String> cancelled = AsyncRuntime.spawnTask(new GateFuture<String>(), FutureType.LOW);
        cancelled.cancel();
        WORKERS.awaitFinished(done, cancelled);

        assertThatThrownBy(() -> WORKERS.returned(() -> AsyncRuntime.join(done, cancelled), () -> JOIN_DID_NOT_RETURN))
                .isInstanceOf(CancellationException.class)
                .hasMessageContaining("cancelled");
    }

    @Test
    @DisplayName("join of a detached task, which nobody may await, says which task it was")
    void detachedTask() {
        Task<String> done = AsyncRuntime.spawnTask(Futures.ready("done"), FutureType.LOW);
        Task<String> detached = AsyncRuntime.spawnTask(Futures.ready("dropped"), FutureType.HIGH);
        detached.detach();
        WORKERS.awaitFinished(done, detached);

        assertThatThrownBy(() -> WORKERS.returned(() -> AsyncRuntime.join(done, detached), () -> JOIN_DID_NOT_RETURN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("task 1").hasMessageContaining("detached");
    }

    @Test
    void rejectsNullsByPosition() {
        Task<String> task = AsyncRuntime.spawnTask(Futures.ready("x"), FutureType.LOW);

        assertThatThrownBy(() -> AsyncRuntime.join((Task<String>[]) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("tasks");
        assertThatThrownBy(() -> AsyncRuntime.join(task, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("task 1");
    }
}
