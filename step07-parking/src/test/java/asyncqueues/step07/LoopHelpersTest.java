package asyncqueues.step07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Futures;
import asyncqueues.task.Spawned;
import asyncqueues.task.TaskRunnable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The loop's given helpers: {@code takeNext}, which looks without waiting, and {@code runCatching}. */
@Timeout(30)
class LoopHelpersTest {

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
