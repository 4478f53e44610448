package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code detach()}: the task runs on with nobody waiting, and its output is dropped. */
@DisplayName("Task.detach")
@Timeout(10)
class DetachTest {

    private final ManualQueue queue = new ManualQueue();

    @Test
    @DisplayName("a detached task runs to completion on the executor, and close() no longer cancels it")
    void detachedTaskRunsToCompletion() {
        CounterFuture counter = new CounterFuture(3);
        try (QueueExecutor executor = new QueueExecutor("detached", 1)) {
            Spawned<Integer> spawned = AsyncTask.spawn(counter, executor);

            spawned.task().detach();
            spawned.task().close();
            spawned.runnable().schedule();

            await("the detached task finished").atMost(Duration.ofSeconds(5)).until(spawned.task()::isFinished);
            assertThat(counter.polls()).isEqualTo(3);
            assertThat(spawned.task()).hasToString("Task[COMPLETED|DETACHED]");
            assertThat(executor.failures()).isEmpty();
        }
    }

    @Test
    @DisplayName("detached before it completes: its output is dropped, though the handle lives on")
    void outputOfATaskDetachedBeforeCompletionIsDropped() {
        FreshOutput future = new FreshOutput();
        Task<Object> task = queue.spawn(future);

        task.detach();
        queue.runNext();

        Collected.awaitCleared("the detached task's output", future.output);
        Reference.reachabilityFence(task); // the handle, not its absence, is what must not hold the output
    }

    @Test
    @DisplayName("detached after it completed: its stored output is dropped, though the handle lives on")
    void outputOfATaskDetachedAfterCompletionIsDropped() {
        FreshOutput future = new FreshOutput();
        Task<Object> task = queue.spawn(future);

        queue.runNext();
        task.detach();

        Collected.awaitCleared("the detached task's output", future.output);
        Reference.reachabilityFence(task);
    }

    /** Ready at once with a new object, of which it keeps only a weak reference. */
    private static final class FreshOutput implements Future<Object> {
        WeakReference<Object> output;

        @Override
        public Poll<Object> poll(Context cx) {
            Object value = new Object();
            output = new WeakReference<>(value);
            return Poll.ready(value);
        }
    }

    @Test
    @DisplayName("isDetached() says whether detach() was called, on a queued task and on a completed one")
    void isDetachedSaysWhetherDetachWasCalled() {
        Task<String> queued = queue.spawn(Futures.ready("value"));
        Spawned<String> spawned = AsyncTask.spawn(Futures.ready("value"), queue);
        spawned.runnable().run();
        Task<String> completed = spawned.task();
        assertThat(completed.isFinished()).isTrue();
        assertThat(queued.isDetached()).isFalse();
        assertThat(completed.isDetached()).isFalse();

        queued.detach();
        completed.detach();

        assertThat(queued.isDetached()).isTrue();
        assertThat(completed.isDetached()).isTrue();
    }

    @Test
    @DisplayName("a detached task can no longer be awaited or cancelled")
    void detachedTaskCannotBeAwaitedOrCancelled() {
        Task<String> task = queue.spawn(Futures.ready("value"));
        task.detach();

        assertThatIllegalStateException()
                .isThrownBy(() -> Futures.blockOn(task))
                .withMessageContaining("detached");
        assertThatIllegalStateException()
                .isThrownBy(task::cancel)
                .withMessageContaining("detached");
    }

    @Test
    @DisplayName("cancelled, then detached: whoever polls it finds it detached, not cancelled")
    void cancelledThenDetachedIsDetached() {
        Task<String> task = queue.spawn(cx -> Poll.pending());
        assertThat(task.cancel()).isTrue();

        task.detach();

        assertThatIllegalStateException().isThrownBy(() -> task.poll(new Context(() -> {})))
                .withMessageContaining("detached");
    }

    @Test
    @DisplayName("a detach wakes the task's awaiters, and each then finds it detached")
    void detachWakesTheAwaiters() {
        Task<String> task = queue.spawn(cx -> Poll.pending());
        queue.runNext(); // pending, and nothing will wake it
        CountingWaker first = new CountingWaker();
        CountingWaker second = new CountingWaker();
        assertThat(first.poll(task).isPending()).isTrue();
        assertThat(second.poll(task).isPending()).isTrue();

        task.detach();

        assertThat(first.wakes()).isOne();
        assertThat(second.wakes()).isOne();
        assertThatIllegalStateException().isThrownBy(() -> first.poll(task)).withMessageContaining("detached");
    }

    @Test
    @DisplayName("a thread blocked on the task is woken by the detach and gets an IllegalStateException")
    void detachWakesAThreadBlockedOnTheTask() throws Exception {
        Task<String> task = queue.spawn(cx -> Poll.pending());
        queue.runNext();
        CountDownLatch registered = new CountDownLatch(1);
        CompletableFuture<String> blocked = CompletableFuture.supplyAsync(() -> Futures.blockOn(cx -> {
            Poll<String> poll = task.poll(cx);
            registered.countDown();
            return poll;
        }), runnable -> Thread.ofPlatform().daemon().name("awaiter").start(runnable));
        assertThat(registered.await(5, TimeUnit.SECONDS)).as("the blocked thread polled the task").isTrue();

        task.detach();

        assertThat(blocked).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(IllegalStateException.class)
                .withMessageContaining("detached");
    }
}
