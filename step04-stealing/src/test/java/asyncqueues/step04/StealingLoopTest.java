package asyncqueues.step04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Futures;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.testing.ConsumerThread;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stealing loop, {@link AsyncRuntime#consume}, on its own: each test runs it on a
 * {@link ConsumerThread} with two queues of the test's own, so nothing global is involved.
 */
@Timeout(20)
class StealingLoopTest {

    private static final Duration IDLE_WAIT = Duration.ofMillis(1);

    private static final String STEAL = "when its own queue is empty, does the loop take from the other queue?";
    private static final String PAUSE = "when it finds nothing to take, does it call pause(idleWait)? A loop that"
            + " never pauses keeps a core busy for nothing";

    private final BlockingQueue<TaskRunnable> own = new LinkedBlockingQueue<>();
    private final BlockingQueue<TaskRunnable> other = new LinkedBlockingQueue<>();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Test
    @DisplayName("Exercise 4.1: the loop runs the runnables on its own queue")
    @Tag("exercise-4.1")
    void runsItsOwnQueue() throws Exception {
        Task<String> task = queue(own, () -> "mine");

        try (ConsumerThread consumer = ConsumerThread.start(consumer())) {
            consumer.awaitUntil(task::isFinished, () -> "the task on the loop's own queue did not run: does the loop"
                    + " take the runnables of its own queue and run them? " + queues());
        }
        assertThat(Futures.blockOn(task)).isEqualTo("mine");
    }

    @Test
    @DisplayName("Exercise 4.1: the loop steals from the other queue when its own is empty")
    @Tag("exercise-4.1")
    void stealsWhenItsOwnQueueIsEmpty() throws Exception {
        Task<String> task = queue(other, () -> "stolen");

        try (ConsumerThread consumer = ConsumerThread.start(consumer())) {
            consumer.awaitUntil(task::isFinished, () -> "the task on the other queue did not run: " + STEAL + " "
                    + queues());
        }
        assertThat(Futures.blockOn(task)).isEqualTo("stolen");
    }

    @Test
    @DisplayName("Exercise 4.1: the loop serves its own queue before it steals")
    @Tag("exercise-4.1")
    void servesItsOwnQueueFirst() throws Exception {
        // All queued before the loop starts, so the order it runs them in is its own choice.
        Task<String> stolen1 = queue(other, () -> record("other 1"));
        Task<String> stolen2 = queue(other, () -> record("other 2"));
        Task<String> mine1 = queue(own, () -> record("own 1"));
        Task<String> mine2 = queue(own, () -> record("own 2"));

        try (ConsumerThread consumer = ConsumerThread.start(consumer())) {
            consumer.awaitUntil(() -> ran.size() == 4, () -> "of the four tasks, only " + ran + " ran: " + STEAL + " "
                    + queues());
        }
        assertThat(ran).containsExactly("own 1", "own 2", "other 1", "other 2");
        assertThat(List.of(stolen1, stolen2, mine1, mine2)).allMatch(Task::isFinished);
    }

    @Test
    @DisplayName("Exercise 4.1: a future that throws does not stop the loop (catch what run() throws)")
    @Tag("exercise-4.1")
    void survivesAFutureThatThrows() throws Exception {
        Task<String> failing = queue(own, () -> {
            throw new IllegalStateException("boom");
        });
        Task<String> next = queue(own, () -> "after the failure");

        try (ConsumerThread consumer = ConsumerThread.start(consumer())) {
            consumer.awaitUntil(next::isFinished, () -> "the task after the failing one did not run: does the loop"
                    + " go on after a future threw? " + queues());
            assertThat(consumer.isAlive()).as("the consumer thread is alive").isTrue();
        }
        assertThat(Futures.blockOn(next)).isEqualTo("after the failure");
        assertThatThrownBy(() -> Futures.blockOn(failing))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("Exercise 4.1: with both queues empty the loop waits, and then sees work on either queue")
    @Tag("exercise-4.1")
    void waitsWhileIdleAndThenSeesNewWork() throws Exception {
        try (ConsumerThread consumer = ConsumerThread.start(consumer())) {
            // A loop that sleeps between looks is seen TIMED_WAITING sooner or later; one that
            // spins never is, and one blocked in own.take() is WAITING and would miss 'other'.
            consumer.awaitUntil(() -> consumer.state() == Thread.State.TIMED_WAITING,
                    () -> "the loop never paused while both queues were empty: " + PAUSE);

            Task<String> stolen = queue(other, () -> "later, stolen");
            consumer.awaitUntil(stolen::isFinished, () -> "the task queued later on the other queue did not run: "
                    + STEAL + " " + queues());
            Task<String> mine = queue(own, () -> "later, mine");
            consumer.awaitUntil(mine::isFinished, () -> "the task queued later on its own queue did not run: does"
                    + " the loop look at its queues again after a pause? " + queues());

            assertThat(Futures.blockOn(stolen)).isEqualTo("later, stolen");
            assertThat(Futures.blockOn(mine)).isEqualTo("later, mine");
        }
    }

    @Test
    @DisplayName("Exercise 4.1: the loop keeps taking work until none is left on either queue")
    @Tag("exercise-4.1")
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
    @DisplayName("Exercise 4.1: the loop ends when its thread is interrupted")
    @Tag("exercise-4.1")
    void endsWhenInterrupted() throws Exception {
        try (ConsumerThread consumer = ConsumerThread.start(consumer())) {
            consumer.awaitUntil(() -> consumer.state() == Thread.State.TIMED_WAITING,
                    () -> "the loop never paused while both queues were empty: " + PAUSE);

            consumer.interrupt();

            consumer.awaitUntil(() -> !consumer.isAlive(), () -> "the consumer thread is alive after an interrupt:"
                    + " does the loop end when pause returns false, or when its thread is interrupted while a task"
                    + " runs?");
        }
    }

    @Test
    @DisplayName("Exercise 4.1: an interrupt that comes while a task runs ends the loop after that task")
    @Tag("exercise-4.1")
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

    /** How many runnables each queue still holds. */
    private String queues() {
        return "(its own queue holds " + own.size() + " runnable(s), the other " + other.size() + ")";
    }

    /** The loop under test, serving {@link #own} and stealing from {@link #other}. */
    private Runnable consumer() {
        return () -> AsyncRuntime.consume(own, other, IDLE_WAIT);
    }

    private String record(String label) {
        ran.add(label);
        return label;
    }

    /** Spawns {@code body} as a task whose runnable goes on {@code queue}, and queues it. */
    private static Task<String> queue(BlockingQueue<TaskRunnable> queue, Supplier<String> body) {
        Spawned<String> spawned = AsyncTask.spawn(Futures.async(body), queue::add);
        spawned.runnable().schedule();
        return spawned.task();
    }
}
