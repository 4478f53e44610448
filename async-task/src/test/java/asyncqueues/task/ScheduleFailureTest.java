package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.ref.WeakReference;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A schedule function that throws (a queue that is full or shut down, say): the runnable was
 * not queued, so the task is left unscheduled, and the throwable goes to whoever scheduled it,
 * the waker or the thread that finished the poll. A later wake schedules the task again; but a
 * task refused before its first poll has no waker out to wake it, so it fails at once.
 */
@DisplayName("a schedule function that throws")
@Timeout(10)
class ScheduleFailureTest {

    private final RefusingQueue queue = new RefusingQueue();

    /** A {@link ManualQueue} that can be told to refuse its next runnable. */
    private static final class RefusingQueue implements Consumer<TaskRunnable> {
        final ManualQueue accepted = new ManualQueue();
        final RejectedExecutionException refusal = new RejectedExecutionException("the queue is shut down");
        private boolean refuseNext;

        void refuseNext() {
            refuseNext = true;
        }

        @Override
        public void accept(TaskRunnable runnable) {
            if (refuseNext) {
                refuseNext = false;
                throw refusal;
            }
            accepted.accept(runnable);
        }
    }

    /** Pending until opened; keeps the waker of its last poll and counts its polls. */
    private static final class Gate implements Future<String> {
        final AtomicReference<Waker> waker = new AtomicReference<>();
        final AtomicInteger polls = new AtomicInteger();
        boolean open;
        boolean wakeItselfOnce;

        @Override
        public Poll<String> poll(Context cx) {
            polls.incrementAndGet();
            waker.set(cx.waker());
            if (wakeItselfOnce) {
                wakeItselfOnce = false;
                cx.waker().wake(); // woken during the poll: the poller schedules after it
            }
            return open ? Poll.ready("done") : Poll.pending();
        }
    }

    @Test
    @DisplayName("a refused wake throws to the waker, leaves the task idle, and the next wake schedules it")
    void refusedWake() {
        Gate gate = new Gate();
        Task<String> task = spawn(gate);
        queue.accepted.runNext(); // pending: idle

        queue.refuseNext();
        Throwable fromWake = catchThrowable(gate.waker.get()::wake);

        assertThat(fromWake).isSameAs(queue.refusal);
        assertThat(task).hasToString("Task[IDLE]");
        assertThat(queue.accepted.size()).as("runnables queued").isZero();

        gate.open = true;
        gate.waker.get().wake();
        assertThat(task).hasToString("Task[SCHEDULED]");
        queue.accepted.runNext();

        assertThat(Futures.blockOn(task)).isEqualTo("done");
        assertThat(gate.polls).hasValue(2);
    }

    @Test
    @DisplayName("refused after a poll during which the task was woken: the run throws, the task is left idle")
    void refusedAfterThePoll() {
        Gate gate = new Gate();
        gate.wakeItselfOnce = true;
        Task<String> task = spawn(gate);

        queue.refuseNext();
        Throwable fromRun = catchThrowable(queue.accepted::runNext);

        assertThat(fromRun).isSameAs(queue.refusal);
        assertThat(task).hasToString("Task[IDLE]");
        assertThat(task.isFinished()).isFalse();
        assertThat(queue.accepted.size()).as("runnables queued").isZero();

        gate.open = true;
        gate.waker.get().wake();
        queue.accepted.runNext();

        assertThat(Futures.blockOn(task)).isEqualTo("done");
        assertThat(gate.polls).hasValue(2);
    }

    @Test
    @DisplayName("a refused first schedule throws to the caller, and fails the task at once: nothing could ever run it")
    void refusedFirstSchedule() {
        Gate gate = new Gate();
        Spawned<String> spawned = AsyncTask.spawn(gate, queue);

        queue.refuseNext();
        Throwable fromSchedule = catchThrowable(spawned.runnable()::schedule);

        assertThat(fromSchedule).isSameAs(queue.refusal);
        assertThat(spawned.task().isFinished()).isTrue();
        assertThat(spawned.task().cancel()).as("a finished task cannot be cancelled").isFalse();
        assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> Futures.blockOn(spawned.task()))
                .havingCause()
                .isInstanceOf(IllegalStateException.class)
                .withMessageContaining("refused the task's runnable before its first poll")
                .havingCause()
                .isSameAs(queue.refusal);
        assertThat(gate.polls).as("polls of a task that never ran").hasValue(0);
    }

    @Test
    @DisplayName("a refused first schedule lets go of the future: nothing will ever poll it")
    void refusedFirstScheduleReleasesTheFuture() {
        Refused refused = spawnRefused(false);

        Collected.awaitCleared("the future of a task whose first schedule was refused", refused.future());
        assertThat(refused.task().isFinished()).isTrue(); // the task itself is still held
    }

    @Test
    @DisplayName("a detached task refused before its first poll keeps no failure: nobody could read it")
    void refusedFirstScheduleOfADetachedTaskKeepsNoFailure() {
        Refused refused = spawnRefused(true);

        Collected.awaitCleared("the refusal, cause of a failure that nobody may read", refused.refusal());
        assertThat(refused.task().isFinished()).isTrue();
    }

    /** A task whose first schedule was refused, and weak references to its future and the refusal. */
    private record Refused(Task<String> task, WeakReference<Gate> future, WeakReference<Throwable> refusal) {}

    /** Made here, so that no local variable of the test holds the future or the refusal. */
    private static Refused spawnRefused(boolean detached) {
        Gate gate = new Gate();
        AtomicReference<WeakReference<Throwable>> refusal = new AtomicReference<>();
        Spawned<String> spawned = AsyncTask.spawn(gate, runnable -> { // holds no refusal itself
            RejectedExecutionException refused = new RejectedExecutionException("the queue is shut down");
            refusal.set(new WeakReference<>(refused));
            throw refused;
        });
        if (detached) {
            spawned.task().detach();
        }
        assertThat(catchThrowable(spawned.runnable()::schedule)).isInstanceOf(RejectedExecutionException.class);
        return new Refused(spawned.task(), new WeakReference<>(gate), refusal.get());
    }

    @Test
    @DisplayName("a refused first schedule wakes a thread already waiting on the task, with the failure")
    void refusedFirstScheduleWakesTheAwaiter() {
        Spawned<String> spawned = AsyncTask.spawn(new Gate(), queue);
        CountingWaker awaiter = new CountingWaker();
        assertThat(spawned.task().poll(new Context(awaiter)).isPending()).isTrue();

        queue.refuseNext();
        catchThrowable(spawned.runnable()::schedule);

        assertThat(awaiter.wakes()).isOne();
        assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> Futures.blockOn(spawned.task()));
    }

    @Test
    @DisplayName("a refused first schedule of a task cancelled meanwhile leaves it cancelled")
    void refusedFirstScheduleOfACancelledTask() {
        Spawned<String> spawned = AsyncTask.spawn(new Gate(), queue);
        spawned.task().cancel();

        queue.refuseNext();
        catchThrowable(spawned.runnable()::schedule);

        assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> Futures.blockOn(spawned.task()));
    }

    private Task<String> spawn(Gate gate) {
        Spawned<String> spawned = AsyncTask.spawn(gate, queue);
        spawned.runnable().schedule();
        return spawned.task();
    }
}
