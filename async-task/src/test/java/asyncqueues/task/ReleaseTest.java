package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a task lets go of, and when: a caller may hold a million finished tasks' handles, so a
 * finished task keeps only its state and its output. The futures' release is LeakTest's; this
 * is the rest: the poll's context and the executor's runnable.
 */
@DisplayName("a finished task keeps only its state and its output")
@Timeout(30)
class ReleaseTest {

    private final ManualQueue queue = new ManualQueue();

    /** Ready on its first poll with "done", keeping a weak reference to the context it was given. */
    private static final class RecordsItsContext implements Future<String> {
        final AtomicReference<WeakReference<Context>> context = new AtomicReference<>();

        @Override
        public Poll<String> poll(Context cx) {
            context.set(new WeakReference<>(cx));
            return Poll.ready("done");
        }
    }

    @Test
    @DisplayName("a completed task lets go of its runnable and of its poll's context, and keeps its value")
    void aCompletedTaskReleasesItsRunnableAndContext() {
        RecordsItsContext future = new RecordsItsContext();
        Task<String> task = spawnAndRunOnceDroppingTheRunnable(future);
        WeakReference<TaskRunnable> runnable = lastRunnable;

        Collected.awaitCleared("the completed task's runnable and context",
                List.of(runnable, future.context.get()));
        assertThat(Futures.blockOn(task)).isEqualTo("done");
        Reference.reachabilityFence(task);
    }

    @Test
    @DisplayName("a task cancelled while idle lets go of its poll's context at once")
    void aCancelledTaskReleasesItsContext() {
        AtomicReference<WeakReference<Context>> context = new AtomicReference<>();
        Task<Void> task = queue.spawn(cx -> {
            context.set(new WeakReference<>(cx));
            return Poll.pending(); // and nobody wakes it: idle
        });
        queue.runNext();

        assertThat(task.cancel()).isTrue();

        Collected.awaitCleared("the cancelled task's context", context.get());
        assertThat(task.isFinished()).isTrue();
    }

    @Test
    @DisplayName("a runnable scheduled again after its task completed reaches the queue, and its run is refused")
    void aLateScheduleStillHandsOverTheRunnable() {
        Spawned<Integer> spawned = AsyncTask.spawn(Futures.ready(1), queue);
        spawned.runnable().run();

        spawned.runnable().schedule();

        assertThat(queue.size()).isEqualTo(1);
        assertThatIllegalStateException().isThrownBy(queue::runNext).withMessageContaining("state COMPLETED");
    }

    @Test
    @DisplayName("Poll.ready(null), every Void future's outcome, is one shared instance, equal to any Ready(null)")
    void readyNullIsShared() {
        assertThat(Poll.<Void>ready(null)).isSameAs(Poll.<String>ready(null)).isEqualTo(new Poll.Ready<>(null));
        assertThat(Poll.ready("x")).isEqualTo(new Poll.Ready<>("x")).isNotSameAs(Poll.ready("x"));
    }

    private WeakReference<TaskRunnable> lastRunnable;

    /** Spawns, runs it once from the queue, and keeps nothing of the runnable but a weak reference. */
    private <T> Task<T> spawnAndRunOnceDroppingTheRunnable(Future<T> future) {
        Spawned<T> spawned = AsyncTask.spawn(future, queue);
        lastRunnable = new WeakReference<>(spawned.runnable());
        spawned.runnable().schedule();
        queue.runNext();
        return spawned.task();
    }
}
