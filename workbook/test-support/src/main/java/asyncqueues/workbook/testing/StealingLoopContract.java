package asyncqueues.workbook.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Futures;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every stealing consumer loop does while there is work, whatever it does when there is
 * none: run its own queue's runnables before the other's, steal when its own is empty, survive a
 * future that throws, drain both queues, and end after a task during which its thread was
 * interrupted. Stage 4's sleeping loop and stage 7's parking loop are tested by it: each stage's
 * test extends it, says how to run its loop ({@link #consumer()}), and adds what the loop does
 * when both queues are empty.
 *
 * <p>Each test runs the loop on a {@link ConsumerThread} with two queues of the test's own, so
 * nothing global is involved. A runnable is put on a queue as a schedule function would, without
 * anything else: a loop that must be woken is not, and every runnable here is queued before the
 * loop first looks, or while it runs.
 */
@Timeout(20)
public abstract class StealingLoopContract {

    /** The hint of every failure that a loop which does not steal would cause. */
    protected static final String STEAL = "when its own queue is empty, does the loop take from the other queue?";

    /** The queue the loop serves. */
    protected final BlockingQueue<TaskRunnable> own;

    /** The queue the loop steals from. */
    protected final BlockingQueue<TaskRunnable> other;

    /** The labels of the tasks that {@link #record} ran, in the order they ran. */
    protected final List<String> ran = new CopyOnWriteArrayList<>();

    /** A contract for a loop that serves {@code own} and steals from {@code other}. */
    protected StealingLoopContract(BlockingQueue<TaskRunnable> own, BlockingQueue<TaskRunnable> other) {
        this.own = Objects.requireNonNull(own, "own");
        this.other = Objects.requireNonNull(other, "other");
    }

    /** The loop under test, serving {@link #own} and stealing from {@link #other}. */
    protected abstract Runnable consumer();

    @Test
    @DisplayName("the loop runs the runnables on its own queue")
    void runsItsOwnQueue() throws Exception {
        Task<String> task = queue(own, () -> "mine");

        try (ConsumerThread consumer = ConsumerThread.start(consumer())) {
            consumer.awaitUntil(task::isFinished, () -> "the task on the loop's own queue did not run: does the loop"
                    + " take the runnables of its own queue and run them? " + queues());
        }
        assertThat(Futures.blockOn(task)).isEqualTo("mine");
    }

    @Test
    @DisplayName("the loop steals from the other queue when its own is empty")
    void stealsWhenItsOwnQueueIsEmpty() throws Exception {
        Task<String> task = queue(other, () -> "stolen");

        try (ConsumerThread consumer = ConsumerThread.start(consumer())) {
            consumer.awaitUntil(task::isFinished, () -> "the task on the other queue did not run: " + STEAL + " "
                    + queues());
        }
        assertThat(Futures.blockOn(task)).isEqualTo("stolen");
    }

    @Test
    @DisplayName("the loop serves its own queue before it steals")
    void servesItsOwnQueueFirst() throws Exception {
        // All queued before the loop starts, so the order it runs them in is its own choice.
        List<Task<String>> tasks = List.of(queue(other, () -> record("other 1")), queue(other, () -> record("other 2")),
                queue(own, () -> record("own 1")), queue(own, () -> record("own 2")));

        try (ConsumerThread consumer = ConsumerThread.start(consumer())) {
            consumer.awaitUntil(() -> ran.size() == 4, () -> "of the four tasks, only " + ran + " ran: " + STEAL + " "
                    + queues());
        }
        assertThat(ran).containsExactly("own 1", "own 2", "other 1", "other 2");
        assertThat(tasks).allMatch(Task::isFinished);
    }

    @Test
    @DisplayName("a future that throws does not stop the loop (catch what run() throws)")
    void survivesAFutureThatThrows() throws Exception {
        Task<String> failing = queue(own, () -> {
            throw new IllegalStateException("boom");
        });
        Task<String> next = queue(own, () -> "after the failure");

        try (ConsumerThread consumer = ConsumerThread.start(consumer())) {
            consumer.awaitUntil(next::isFinished, () -> "the task after the failing one did not run: does the loop"
                    + " go on after a future threw (runCatching)? " + queues());
            assertThat(consumer.isAlive()).as("the consumer thread is alive").isTrue();
        }
        assertThat(Futures.blockOn(next)).isEqualTo("after the failure");
        assertThatThrownBy(() -> Futures.blockOn(failing))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("the loop keeps taking work until none is left on either queue")
    void drainsBothQueues() throws Exception {
        int perQueue = 200;
        List<Task<String>> tasks = new CopyOnWriteArrayList<>();
        for (int i = 0; i < perQueue; i++) {
            String n = Integer.toString(i);
            tasks.add(queue(own, () -> record("own " + n)));
            tasks.add(queue(other, () -> record("other " + n)));
        }

        try (ConsumerThread consumer = ConsumerThread.start(consumer())) {
            consumer.awaitUntil(() -> tasks.stream().allMatch(Task::isFinished), () -> "of the " + tasks.size()
                    + " tasks, only " + ran.size() + " ran: the loop must keep taking work until neither queue has"
                    + " any; " + STEAL + " " + queues());
        }
        assertThat(ran).hasSize(2 * perQueue).doesNotHaveDuplicates();
        assertThat(own).isEmpty();
        assertThat(other).isEmpty();
    }

    @Test
    @DisplayName("an interrupt that comes while a task runs ends the loop after that task")
    void endsAfterATaskDuringWhichItWasInterrupted() {
        // The task keeps the interrupt, as CounterFuture's sleep does when its thread is interrupted.
        Task<String> interrupted = queue(own, () -> {
            Thread.currentThread().interrupt();
            return record("interrupted");
        });
        queue(own, () -> record("own, after the interrupt"));
        queue(other, () -> record("other, after the interrupt"));

        try (ConsumerThread consumer = ConsumerThread.start(consumer())) {
            consumer.awaitUntil(() -> !consumer.isAlive(), () -> "the loop went on after its thread was"
                    + " interrupted while a task ran (it ran " + ran + "): does it look at the thread's interrupt"
                    + " status before it takes the next runnable, and leave it set?");
        }
        assertThat(ran).as("the tasks that ran").containsExactly("interrupted");
        assertThat(interrupted.isFinished()).isTrue();
        assertThat(own).hasSize(1);
        assertThat(other).hasSize(1);
    }

    /** How many runnables each queue still holds, for a failure's message. */
    protected final String queues() {
        return "(its own queue holds " + own.size() + " runnable(s), the other " + other.size() + ")";
    }

    /** Adds {@code label} to {@link #ran} and returns it: the body of a task that says it ran. */
    protected final String record(String label) {
        ran.add(label);
        return label;
    }

    /** Spawns {@code body} as a task whose runnable goes on {@code queue}, and queues it (nothing is woken). */
    protected static Task<String> queue(BlockingQueue<TaskRunnable> queue, Supplier<String> body) {
        Spawned<String> spawned = AsyncTask.spawn(Futures.async(body), queue::add);
        spawned.runnable().schedule();
        return spawned.task();
    }
}
