package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The state word's life on one thread, step by step: which bits each event sets, and how many
 * times each event makes the task scheduled. The state is read through {@code toString()}, which
 * spells the word out.
 */
@DisplayName("RawTask: the state word step by step")
@Timeout(10)
class RawTaskStateTest {

    private final ManualQueue queue = new ManualQueue();

    /** A future that stays Pending until told otherwise, keeping its waker and its poll count. */
    private static final class Gate implements Future<String> {
        final AtomicReference<Waker> waker = new AtomicReference<>();
        volatile boolean open;
        int polls;

        @Override
        public Poll<String> poll(Context cx) {
            polls++;
            waker.set(cx.waker());
            return open ? Poll.ready("done") : Poll.pending();
        }
    }

    @Test
    @DisplayName("spawn leaves the runnable scheduled but not queued")
    void spawnIsScheduledNotQueued() {
        Spawned<String> spawned = AsyncTask.spawn(new Gate(), queue);

        assertThat(spawned.task()).hasToString("Task[SCHEDULED]");
        assertThat(spawned.runnable()).hasToString("TaskRunnable[SCHEDULED]");
        assertThat(queue.scheduled()).isZero();

        spawned.runnable().schedule();
        assertThat(queue.scheduled()).isOne();
    }

    @Test
    @DisplayName("pending with no wake goes idle; a wake schedules once; a ready poll completes")
    void pendingIdleWakeReady() {
        Gate gate = new Gate();
        Task<String> task = queue.spawn(gate);

        queue.runNext();
        assertThat(task).hasToString("Task[IDLE]");
        assertThat(queue.size()).isZero();

        gate.waker.get().wake();
        assertThat(task).hasToString("Task[SCHEDULED]");
        assertThat(queue.scheduled()).isEqualTo(2);

        gate.waker.get().wake();
        assertThat(queue.scheduled()).as("a wake of a scheduled task queues nothing").isEqualTo(2);

        gate.open = true;
        queue.runNext();
        assertThat(task).hasToString("Task[COMPLETED]");
        assertThat(task.isFinished()).isTrue();
        assertThat(gate.polls).isEqualTo(2);
        assertThat(Futures.blockOn(task)).isEqualTo("done");
    }

    @Test
    @DisplayName("a self-waking future (the chapter's CounterFuture) is polled again once per wake")
    void selfWakingFutureIsPolledOncePerWake() {
        CounterFuture counter = new CounterFuture(5);
        Task<Integer> task = queue.spawn(counter);

        for (int poll = 1; poll < 5; poll++) {
            queue.runNext();
            assertThat(counter.polls()).isEqualTo(poll);
            assertThat(queue.size()).as("queued after poll %d", poll).isOne();
            assertThat(task).hasToString("Task[SCHEDULED]");
        }
        queue.runNext();

        assertThat(counter.polls()).isEqualTo(5);
        assertThat(queue.scheduled()).as("the first schedule and one per wake").isEqualTo(5);
        assertThat(queue.size()).isZero();
        assertThat(Futures.blockOn(task)).isEqualTo(5);
    }

    @Test
    @DisplayName("a wake during a poll is remembered, and queues the runnable only when the poll returns")
    void wakeDuringPollQueuesAfterThePoll() {
        List<String> seenDuringPoll = new ArrayList<>();
        AtomicReference<Task<?>> self = new AtomicReference<>();
        Future<Void> future = new Future<>() {
            boolean polledOnce;

            @Override
            public Poll<Void> poll(Context cx) {
                if (polledOnce) {
                    return Poll.ready(null);
                }
                polledOnce = true;
                seenDuringPoll.add(self.get().toString());
                cx.waker().wake();
                cx.waker().wake();
                cx.waker().wake();
                seenDuringPoll.add(self.get() + " queued=" + queue.size());
                return Poll.pending();
            }
        };
        Spawned<Void> spawned = AsyncTask.spawn(future, queue);
        self.set(spawned.task());

        spawned.runnable().run();

        assertThat(seenDuringPoll).containsExactly(
                "Task[RUNNING]", "Task[SCHEDULED|RUNNING] queued=0");
        assertThat(queue.scheduled()).as("three wakes in one poll, one schedule").isOne();
        assertThat(spawned.task()).hasToString("Task[SCHEDULED]");
        queue.runNext();
        assertThat(spawned.task()).hasToString("Task[COMPLETED]");
    }

    @Test
    @DisplayName("wakes after completion, failure or cancellation schedule nothing")
    void wakesAfterTheEndDoNothing() {
        Gate completed = new Gate();
        completed.open = true;
        queue.spawn(completed);
        queue.runNext();

        Gate cancelled = new Gate();
        Task<String> cancelledTask = queue.spawn(cancelled);
        queue.runNext();
        cancelledTask.cancel();

        int before = queue.scheduled();
        completed.waker.get().wake();
        cancelled.waker.get().wake();

        assertThat(queue.scheduled()).isEqualTo(before);
        assertThat(cancelledTask).hasToString("Task[CLOSED]");
    }

    @Test
    @DisplayName("describe spells out every bit, and IDLE for none")
    void describeSpellsTheBits() {
        assertThat(RawTask.describe(0)).isEqualTo("IDLE");
        assertThat(RawTask.describe(RawTask.COMPLETED | RawTask.FAILED)).isEqualTo("COMPLETED|FAILED");
        assertThat(RawTask.describe(RawTask.SCHEDULED | RawTask.RUNNING | RawTask.COMPLETED
                        | RawTask.FAILED | RawTask.CLOSED | RawTask.DETACHED))
                .isEqualTo("SCHEDULED|RUNNING|COMPLETED|FAILED|CLOSED|DETACHED");
    }
}
