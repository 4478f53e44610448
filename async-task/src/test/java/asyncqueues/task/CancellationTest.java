package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.lang.ref.WeakReference;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code cancel()} and {@code close()}: before the run, during a poll, after the end, and what
 * an awaiter of the task sees.
 */
@DisplayName("Task.cancel and Task.close")
@Timeout(10)
class CancellationTest {

    private final ManualQueue queue = new ManualQueue();

    /** Counts its polls, keeps its waker, and stays Pending. */
    private static final class Counted implements Future<String> {
        final AtomicInteger polls = new AtomicInteger();
        final AtomicReference<Waker> waker = new AtomicReference<>();

        @Override
        public Poll<String> poll(Context cx) {
            polls.incrementAndGet();
            waker.set(cx.waker());
            return Poll.pending();
        }
    }

    @Test
    @DisplayName("cancelled before its run: the queued runnable drops the future unpolled")
    void cancelBeforeTheRun() {
        Counted future = new Counted();
        Task<String> task = queue.spawn(future);

        assertThat(task.cancel()).isTrue();
        assertThat(task.isFinished()).isTrue();
        queue.runNext();

        assertThat(future.polls).hasValue(0);
        assertThat(task).hasToString("Task[CLOSED]");
        assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> Futures.blockOn(task));
    }

    @Test
    @DisplayName("cancelled while queued: the task holds its future no more, and its run polls nothing")
    void cancelWhileQueuedReleasesTheFuture() {
        Counted future = new Counted();
        WeakReference<Counted> held = new WeakReference<>(future);
        Task<String> task = queue.spawn(future);
        future = null; // from here on only the task can hold it

        task.cancel();
        queue.runNext();

        Collected.awaitCleared("the future of a task cancelled while queued, after its run", held);
        assertThat(task.isFinished()).isTrue();
    }

    @Test
    @DisplayName("cancelled while idle: the future is dropped at once, and a later wake schedules nothing")
    void cancelWhileIdle() {
        IdleTask idle = spawnAndPollOnce();

        assertThat(idle.task().cancel()).isTrue();
        idle.waker().wake();

        assertThat(queue.scheduled()).as("only the first schedule").isOne();
        Collected.awaitCleared("the cancelled task's future", idle.future());
        assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> Futures.blockOn(idle.task()));
    }

    /** A task polled once and left idle, its waker, and a weak reference to its future. */
    private record IdleTask(Task<String> task, Waker waker, WeakReference<Counted> future) {}

    /** Made here, so that no local variable of the test holds the future. */
    private IdleTask spawnAndPollOnce() {
        Counted future = new Counted();
        Task<String> task = queue.spawn(future);
        queue.runNext();
        return new IdleTask(task, future.waker.get(), new WeakReference<>(future));
    }

    @Test
    @DisplayName("cancelled during a poll that woke itself: the poll finishes, and the future is dropped, not polled again")
    void cancelDuringAPoll() throws Exception {
        CancelledMidPoll future = new CancelledMidPoll();
        WeakReference<CancelledMidPoll> released = new WeakReference<>(future);
        Task<String> task = queue.spawn(future);
        CompletableFuture<Void> run = CompletableFuture.runAsync(queue::runNext);
        future.polling.await();

        assertThat(task.cancel()).as("a cancel during the poll").isTrue();
        future.cancelled.countDown();
        run.join();

        assertThat(future.polls).hasValue(1);
        assertThat(queue.scheduled()).as("not queued again after the poll").isOne();
        assertThat(task).hasToString("Task[CLOSED]");
        assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> Futures.blockOn(task));
        future = null;
        Collected.awaitCleared("the cancelled task's future", released);
    }

    /** Wakes itself (so its task is SCHEDULED|RUNNING), then waits inside the poll for the cancel. */
    private static final class CancelledMidPoll implements Future<String> {
        final CountDownLatch polling = new CountDownLatch(1);
        final CountDownLatch cancelled = new CountDownLatch(1);
        final AtomicInteger polls = new AtomicInteger();

        @Override
        public Poll<String> poll(Context cx) {
            polls.incrementAndGet();
            cx.waker().wake();
            polling.countDown();
            waitFor(cancelled);
            return Poll.pending();
        }
    }

    @Test
    @DisplayName("cancelled during a poll that then returns Ready: the task stays cancelled")
    void cancelDuringAPollThatCompletes() throws Exception {
        CountDownLatch polling = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        Task<String> task = queue.spawn(cx -> {
            polling.countDown();
            waitFor(cancelled);
            return Poll.ready("too late");
        });
        CompletableFuture<Void> run = CompletableFuture.runAsync(queue::runNext);
        polling.await();

        assertThat(task.cancel()).isTrue();
        assertThat(task.isFinished()).as("finished while the poll runs").isFalse();
        cancelled.countDown();
        run.join();

        assertThat(task.isFinished()).isTrue();
        assertThat(task).hasToString("Task[COMPLETED|CLOSED]");
        assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> Futures.blockOn(task));
        assertThat(task.cancel()).isFalse();
    }

    @Test
    @DisplayName("cancelled during a poll: not finished, and its awaiter not woken, until the poll returns")
    void cancelDuringAPollWakesTheAwaiterWhenThePollReturns() throws Exception {
        CountDownLatch polling = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        Task<String> task = queue.spawn(cx -> {
            polling.countDown();
            waitFor(cancelled);
            return Poll.pending();
        });
        CountingWaker awaiter = new CountingWaker();
        assertThat(awaiter.poll(task).isPending()).as("the awaiter's first poll").isTrue();
        CompletableFuture<Void> run = CompletableFuture.runAsync(queue::runNext);
        polling.await();

        assertThat(task.cancel()).isTrue();

        assertThat(task.isFinished()).as("finished while the poll runs").isFalse();
        assertThat(task).hasToString("Task[RUNNING|CLOSED]");
        assertThat(awaiter.wakes()).as("wakes of the awaiter while the poll runs").isZero();
        assertThat(awaiter.poll(task).isPending()).as("the awaiter's poll while the poll runs").isTrue();

        cancelled.countDown();
        run.join();

        assertThat(task.isFinished()).isTrue();
        assertThat(task).hasToString("Task[CLOSED]");
        assertThat(awaiter.wakes()).as("wakes of the awaiter once the poll returned").isOne();
        assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> awaiter.poll(task));
    }

    @Test
    @DisplayName("cancel after completion does nothing: it returns false and the value stays")
    void cancelAfterCompletion() {
        Task<String> task = queue.spawn(Futures.ready("value"));
        queue.runNext();

        assertThat(task.cancel()).isFalse();
        task.close();

        assertThat(task).hasToString("Task[COMPLETED]");
        assertThat(Futures.blockOn(task)).isEqualTo("value");
    }

    @Test
    @DisplayName("cancel after a failure does nothing: the failure stays")
    void cancelAfterFailure() {
        IllegalStateException thrown = new IllegalStateException("boom");
        Task<String> task = queue.spawn(cx -> {
            throw thrown;
        });
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(queue::runNext);

        assertThat(task.cancel()).isFalse();

        assertThatExceptionOfType(CompletionException.class)
                .isThrownBy(() -> Futures.blockOn(task))
                .withCause(thrown);
    }

    @Test
    @DisplayName("only the first cancel cancels")
    void cancelTwice() {
        Task<String> task = queue.spawn(new Counted());

        assertThat(task.cancel()).isTrue();
        assertThat(task.cancel()).isFalse();
    }

    @Test
    @DisplayName("closing the handle, as try-with-resources does, cancels the task")
    void closeCancels() {
        Counted future = new Counted();
        try (Task<String> task = queue.spawn(future)) {
            assertThat(task.isFinished()).isFalse();
        }
        queue.runNext();

        assertThat(future.polls).hasValue(0);
    }

    @Test
    @DisplayName("a thread blocked on the task is woken by the cancel and gets a CancellationException")
    void cancelWakesTheAwaiter() throws Exception {
        Task<String> task = queue.spawn(new Counted());
        queue.runNext(); // pending, and nothing will wake it
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread awaiter = Thread.ofPlatform().daemon().start(
                () -> outcome.set(catchThrowable(() -> Futures.blockOn(task))));
        await().atMost(Duration.ofSeconds(5)).until(() -> awaiter.getState() == Thread.State.WAITING);

        task.cancel();
        awaiter.join();

        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
