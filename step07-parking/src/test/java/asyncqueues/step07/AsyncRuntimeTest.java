package asyncqueues.step07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Poll;
import asyncqueues.task.Spawned;
import asyncqueues.task.TaskRunnable;
import asyncqueues.task.Waker;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The given parts of the runtime: its argument checks, labels, and the loop's helpers. */
@Timeout(30)
class AsyncRuntimeTest {

    private static final Context NO_WAKES = new Context(Waker.noop());

    @Test
    void spawnTaskRejectsANullFuture() {
        assertThatThrownBy(() -> AsyncRuntime.spawnTask(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("future");
    }

    @Test
    void spawnTaskRejectsAFutureWithoutAnOrder() {
        FutureOrderLabel<Integer> unlabelled = new FutureOrderLabel<>() {
            @Override
            public FutureType getOrder() {
                return null;
            }

            @Override
            public Poll<Integer> poll(Context cx) {
                return Poll.ready(1);
            }
        };
        assertThatThrownBy(() -> AsyncRuntime.spawnTask(unlabelled))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("getOrder() returned null");
    }

    @Test
    void labelledGivesAPlainFutureALabel() {
        Future<String> plain = Futures.ready("value");

        FutureOrderLabel<String> labelled = FutureOrderLabel.labelled(FutureType.HIGH, plain);

        assertThat(labelled.getOrder()).isEqualTo(FutureType.HIGH);
        assertThat(labelled.poll(NO_WAKES)).isEqualTo(Poll.ready("value"));
    }

    @Test
    void labelledRejectsNullsByName() {
        assertThatThrownBy(() -> FutureOrderLabel.labelled(null, Futures.ready(1)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("order");
        assertThatThrownBy(() -> FutureOrderLabel.labelled(FutureType.LOW, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("future");
    }

    @Test
    void takeNextTakesFromItsOwnQueueFirstThenFromTheOther() {
        BlockingQueue<TaskRunnable> own = new LinkedBlockingQueue<>();
        BlockingQueue<TaskRunnable> other = new LinkedBlockingQueue<>();
        TaskRunnable mine = runnable();
        TaskRunnable theirs = runnable();
        own.add(mine);
        other.add(theirs);

        assertThat(AsyncRuntime.takeNext(own, other)).isSameAs(mine);
        assertThat(AsyncRuntime.takeNext(own, other)).isSameAs(theirs);
        assertThat(AsyncRuntime.takeNext(own, other)).as("with both queues empty").isNull();
    }

    @Test
    void runCatchingLetsNothingEscapeAndTheTaskKeepsTheFailure() {
        Spawned<Integer> spawned = AsyncTask.spawn(Futures.async(() -> {
            throw new IllegalStateException("boom");
        }), runnable -> {});

        AsyncRuntime.runCatching(spawned.runnable());

        assertThat(spawned.task().isFinished()).isTrue();
        assertThatThrownBy(() -> Futures.blockOn(spawned.task()))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalStateException.class);
    }

    private static TaskRunnable runnable() {
        return AsyncTask.spawn(Futures.ready(1), runnable -> {}).runnable();
    }
}
