package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A runnable may be run once per schedule. Running it at any other time is a bug in the
 * executor, and it fails loudly instead of letting a second thread poll the future.
 */
@DisplayName("TaskRunnable: one run per schedule, never a second poller")
@Timeout(10)
class TaskRunnableTest {

    private final ManualQueue queue = new ManualQueue();

    @Test
    @DisplayName("schedule() hands this very runnable to the schedule function")
    void scheduleHandsItselfOver() {
        AtomicReference<TaskRunnable> handed = new AtomicReference<>();
        Spawned<Integer> spawned = AsyncTask.spawn(Futures.ready(1), handed::set);

        spawned.runnable().schedule();

        assertThat(handed.get()).isSameAs(spawned.runnable());
    }

    @Test
    @DisplayName("a second run of a pending task that nobody woke is refused")
    void runningAnIdleTaskIsRefused() {
        AtomicInteger polls = new AtomicInteger();
        Spawned<Void> spawned = AsyncTask.spawn(cx -> {
            polls.incrementAndGet();
            return Poll.pending();
        }, queue);
        spawned.runnable().run();

        assertThatIllegalStateException()
                .isThrownBy(spawned.runnable()::run)
                .withMessageContaining("not queued (state IDLE)");
        assertThat(polls).hasValue(1);
    }

    @Test
    @DisplayName("a run after completion is refused")
    void runningACompletedTaskIsRefused() {
        Spawned<Integer> spawned = AsyncTask.spawn(Futures.ready(1), queue);
        spawned.runnable().run();

        assertThatIllegalStateException()
                .isThrownBy(spawned.runnable()::run)
                .withMessageContaining("state COMPLETED");
    }

    @Test
    @DisplayName("a run while the task is being polled and was woken is refused, on the polling thread")
    void runningFromInsideItsOwnPollIsRefused() {
        AtomicReference<TaskRunnable> runnable = new AtomicReference<>();
        AtomicReference<Throwable> refusal = new AtomicReference<>();
        AtomicInteger polls = new AtomicInteger();
        Spawned<Void> spawned = AsyncTask.spawn(cx -> {
            if (polls.incrementAndGet() == 1) {
                cx.waker().wake(); // RUNNING|SCHEDULED: the runnable is not queued yet
                refusal.set(catchThrowable(runnable.get()::run));
            }
            return Poll.pending();
        }, queue);
        runnable.set(spawned.runnable());

        spawned.runnable().run();

        assertThat(refusal.get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("state SCHEDULED|RUNNING");
        assertThat(polls).as("no nested poll").hasValue(1);
        assertThat(queue.scheduled()).as("queued once, after the poll").isOne();
    }

    @Test
    @DisplayName("a run from another thread while the task is being polled and was woken is refused")
    void runningFromAnotherThreadDuringThePollIsRefused() {
        AtomicReference<TaskRunnable> runnable = new AtomicReference<>();
        AtomicReference<Throwable> refusal = new AtomicReference<>();
        AtomicInteger inPoll = new AtomicInteger();
        AtomicInteger maxInPoll = new AtomicInteger();
        Spawned<Void> spawned = AsyncTask.spawn(cx -> {
            maxInPoll.accumulateAndGet(inPoll.incrementAndGet(), Math::max);
            try {
                if (refusal.get() == null) {
                    cx.waker().wake();
                    Thread intruder = Thread.ofPlatform().daemon().start(
                            () -> refusal.set(catchThrowable(runnable.get()::run)));
                    intruder.join();
                }
                return Poll.pending();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                inPoll.decrementAndGet();
            }
        }, queue);
        runnable.set(spawned.runnable());

        spawned.runnable().run();

        assertThat(refusal.get()).isInstanceOf(IllegalStateException.class);
        assertThat(maxInPoll).as("polls in progress at once").hasValue(1);
        assertThat(queue.scheduled()).isOne();
    }

    @Test
    @DisplayName("a run after the queued run of a cancelled task is refused")
    void runningACancelledTaskTwiceIsRefused() {
        Spawned<Integer> spawned = AsyncTask.spawn(Futures.ready(1), queue);
        spawned.task().cancel();
        spawned.runnable().run(); // drops the future

        assertThatIllegalStateException()
                .isThrownBy(spawned.runnable()::run)
                .withMessageContaining("state CLOSED");
    }
}
