package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A future that throws: the task completes as failed, the run rethrows (so an executor's
 * consumer loop sees it), and the awaiter gets it as the cause of a {@link CompletionException}.
 */
@DisplayName("a future that throws")
@Timeout(10)
class FailureTest {

    private final ManualQueue queue = new ManualQueue();

    /** Keeps its waker, then throws what it was given. */
    private static final class Throwing implements Future<String> {
        final AtomicReference<Waker> waker = new AtomicReference<>();
        private final Throwable thrown;

        Throwing(Throwable thrown) {
            this.thrown = thrown;
        }

        @Override
        public Poll<String> poll(Context cx) {
            waker.set(cx.waker());
            throw Throwing.<RuntimeException>sneaky(thrown);
        }

        /** Throws any throwable, checked ones included, as a future written in another language might. */
        @SuppressWarnings("unchecked")
        private static <E extends Throwable> E sneaky(Throwable thrown) throws E {
            throw (E) thrown;
        }
    }

    @Test
    @DisplayName("run() rethrows the very exception, and the task is complete as failed")
    void runRethrowsTheException() {
        IllegalStateException thrown = new IllegalStateException("boom");
        Task<String> task = queue.spawn(new Throwing(thrown));

        Throwable fromRun = catchThrowable(queue::runNext);

        assertThat(fromRun).isSameAs(thrown);
        assertThat(task.isFinished()).isTrue();
        assertThat(task).hasToString("Task[COMPLETED|FAILED]");
    }

    @Test
    @DisplayName("blockOn(task) throws a CompletionException caused by it")
    void blockOnThrowsCompletionException() {
        IllegalStateException thrown = new IllegalStateException("boom");
        Task<String> task = queue.spawn(new Throwing(thrown));
        catchThrowable(queue::runNext);

        assertThatExceptionOfType(CompletionException.class)
                .isThrownBy(() -> Futures.blockOn(task))
                .withCause(thrown)
                .withMessageContaining("boom");
    }

    @Test
    @DisplayName("an Error is rethrown as it is")
    void errorsAreRethrownAsTheyAre() {
        AssertionError thrown = new AssertionError("broken invariant");
        Task<String> task = queue.spawn(new Throwing(thrown));

        assertThat(catchThrowable(queue::runNext)).isSameAs(thrown);
        assertThatExceptionOfType(CompletionException.class)
                .isThrownBy(() -> Futures.blockOn(task))
                .withCause(thrown);
    }

    @Test
    @DisplayName("a checked exception comes out of run() wrapped in a CompletionException")
    void checkedExceptionsAreWrapped() {
        IOException thrown = new IOException("disk gone");
        Task<String> task = queue.spawn(new Throwing(thrown));

        assertThatExceptionOfType(CompletionException.class)
                .isThrownBy(queue::runNext)
                .withCause(thrown);
        assertThatExceptionOfType(CompletionException.class)
                .isThrownBy(() -> Futures.blockOn(task))
                .withCause(thrown);
    }

    @Test
    @DisplayName("later wakes of a failed task schedule nothing, and its runnable cannot run again")
    void failedTaskIsNeverScheduledAgain() {
        Throwing future = new Throwing(new IllegalStateException("boom"));
        Spawned<String> spawned = AsyncTask.spawn(future, queue);
        catchThrowable(spawned.runnable()::run);

        future.waker.get().wake();
        future.waker.get().wake();

        assertThat(queue.scheduled()).isZero();
        assertThatIllegalStateException().isThrownBy(spawned.runnable()::run);
    }

    @Test
    @DisplayName("a wake during the poll that throws does not schedule the failed task")
    void wakeDuringTheFailingPollIsDropped() {
        Task<String> task = queue.spawn(cx -> {
            cx.waker().wake();
            throw new IllegalStateException("boom");
        });

        catchThrowable(queue::runNext);

        assertThat(queue.scheduled()).as("only the first schedule").isOne();
        assertThat(task).hasToString("Task[COMPLETED|FAILED]");
    }

    @Test
    @DisplayName("a failed task releases its future, though the handle lives on")
    void failedTaskReleasesItsFuture() {
        Throwing future = new Throwing(new IllegalStateException("boom"));
        WeakReference<Throwing> released = new WeakReference<>(future);
        Task<String> task = queue.spawn(future);
        future = null;

        catchThrowable(queue::runNext);

        Collected.awaitCleared("the failed task's future", released);
        Reference.reachabilityFence(task);
    }

    @Test
    @DisplayName("a detached task that throws reports it to the polling thread's uncaught-exception handler")
    void detachedFailureIsReported() throws Exception {
        IllegalStateException thrown = new IllegalStateException("boom");
        Task<String> task = queue.spawn(new Throwing(thrown));
        task.detach();

        PollingThread polling = PollingThread.runNext(queue);

        assertThat(polling.fromRun).as("what run() threw").isSameAs(thrown);
        assertThat(polling.reported).as("what the handler was given").containsExactly(thrown);
        assertThat(polling.reportedOn).as("the threads it was given on").containsExactly(polling.thread);
    }

    @Test
    @DisplayName("a detached task that throws a checked exception reports the very exception")
    void detachedCheckedFailureIsReportedUnwrapped() throws Exception {
        IOException thrown = new IOException("disk gone");
        Task<String> task = queue.spawn(new Throwing(thrown));
        task.detach();

        PollingThread polling = PollingThread.runNext(queue);

        assertThat(polling.fromRun).isInstanceOf(CompletionException.class).hasCause(thrown);
        assertThat(polling.reported).containsExactly(thrown);
    }

    @Test
    @DisplayName("a task that is not detached reports nothing there: its awaiter gets the failure")
    void attachedFailureIsNotReported() throws Exception {
        IllegalStateException thrown = new IllegalStateException("boom");
        Task<String> task = queue.spawn(new Throwing(thrown));

        PollingThread polling = PollingThread.runNext(queue);

        assertThat(polling.fromRun).isSameAs(thrown);
        assertThat(polling.reported).isEmpty();
        assertThatExceptionOfType(CompletionException.class)
                .isThrownBy(() -> Futures.blockOn(task))
                .withCause(thrown);
    }

    /**
     * Runs the queue's next runnable on a thread of its own, whose uncaught-exception handler
     * records what it is given; keeps what the run threw.
     */
    private static final class PollingThread {
        final List<Throwable> reported = new CopyOnWriteArrayList<>();
        final List<Thread> reportedOn = new CopyOnWriteArrayList<>();
        final Thread thread;
        volatile Throwable fromRun;

        private PollingThread(ManualQueue queue) {
            thread = Thread.ofPlatform().name("polling")
                    .unstarted(() -> fromRun = catchThrowable(queue::runNext));
            thread.setUncaughtExceptionHandler((on, uncaught) -> {
                reportedOn.add(on);
                reported.add(uncaught);
            });
        }

        static PollingThread runNext(ManualQueue queue) throws InterruptedException {
            PollingThread polling = new PollingThread(queue);
            polling.thread.start();
            polling.thread.join();
            return polling;
        }
    }
}
