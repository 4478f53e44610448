package asyncqueues.step07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Futures;
import asyncqueues.task.Spawned;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.testing.ConsumerThread;
import asyncqueues.workbook.testing.Within;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The parking loop, {@link AsyncRuntime#consume}, on its own: each test runs it on a
 * {@link ConsumerThread} with two queues and an {@link IdleConsumers} of the test's own, so
 * nothing global is involved. The test plays the producer by hand, as the schedule function
 * (exercise 7.2) does: it puts a runnable on a queue, then calls {@code idle.wakeOne()}.
 */
@Timeout(20)
class ParkingLoopTest {

    /** How many times the lost-wake-up test forces its race. */
    private static final int ROUNDS = 200;

    private static final String STEAL = "when its own queue is empty, does the loop take from the other queue?";
    private static final String PARK = "when both queues are empty, does the loop announce itself idle"
            + " (idle.announce()), look at both queues once more, and then park (idle.park())?";

    private final LookCountingQueue own = new LookCountingQueue();
    private final LookCountingQueue other = new LookCountingQueue();
    private final IdleConsumers idle = new IdleConsumers();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Test
    @DisplayName("Exercise 7.1: the loop runs the runnables on its own queue")
    @Tag("exercise-7.1")
    void runsItsOwnQueue() throws Exception {
        Task<String> task = queue(own, () -> "mine");

        try (ConsumerThread consumer = ConsumerThread.start(consumer(idle))) {
            consumer.awaitUntil(task::isFinished, () -> "the task on the loop's own queue did not run: does the loop"
                    + " take the runnables of its own queue (takeNext(own, other)) and run them? " + queues());
        }
        assertThat(Futures.blockOn(task)).isEqualTo("mine");
    }

    @Test
    @DisplayName("Exercise 7.1: the loop steals from the other queue when its own is empty")
    @Tag("exercise-7.1")
    void stealsWhenItsOwnQueueIsEmpty() throws Exception {
        Task<String> task = queue(other, () -> "stolen");

        try (ConsumerThread consumer = ConsumerThread.start(consumer(idle))) {
            consumer.awaitUntil(task::isFinished, () -> "the task on the other queue did not run: " + STEAL + " "
                    + queues());
        }
        assertThat(Futures.blockOn(task)).isEqualTo("stolen");
    }

    @Test
    @DisplayName("Exercise 7.1: the loop serves its own queue before it steals")
    @Tag("exercise-7.1")
    void servesItsOwnQueueFirst() throws Exception {
        // All queued before the loop starts, so the order it runs them in is its own choice.
        queue(other, () -> record("other 1"));
        queue(other, () -> record("other 2"));
        queue(own, () -> record("own 1"));
        queue(own, () -> record("own 2"));

        try (ConsumerThread consumer = ConsumerThread.start(consumer(idle))) {
            consumer.awaitUntil(() -> ran.size() == 4, () -> "of the four tasks, only " + ran + " ran: " + STEAL + " "
                    + queues());
        }
        assertThat(ran).containsExactly("own 1", "own 2", "other 1", "other 2");
    }

    @Test
    @DisplayName("Exercise 7.1: a future that throws does not stop the loop (catch what run() throws)")
    @Tag("exercise-7.1")
    void survivesAFutureThatThrows() throws Exception {
        Task<String> failing = queue(own, () -> {
            throw new IllegalStateException("boom");
        });
        Task<String> next = queue(own, () -> "after the failure");

        try (ConsumerThread consumer = ConsumerThread.start(consumer(idle))) {
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
    @DisplayName("Exercise 7.1: the loop keeps taking work until none is left on either queue")
    @Tag("exercise-7.1")
    void drainsBothQueues() throws Exception {
        int perQueue = 200;
        List<Task<String>> tasks = new CopyOnWriteArrayList<>();
        for (int i = 0; i < perQueue; i++) {
            String n = Integer.toString(i);
            tasks.add(queue(own, () -> record("own " + n)));
            tasks.add(queue(other, () -> record("other " + n)));
        }

        try (ConsumerThread consumer = ConsumerThread.start(consumer(idle))) {
            consumer.awaitUntil(() -> tasks.stream().allMatch(Task::isFinished), () -> "of the " + tasks.size()
                    + " tasks, only " + ran.size() + " ran: the loop must keep taking work until neither queue has"
                    + " any; " + STEAL + " " + queues());
        }
        assertThat(ran).hasSize(2 * perQueue).doesNotHaveDuplicates();
        assertThat(own).isEmpty();
        assertThat(other).isEmpty();
    }

    @Test
    @DisplayName("Exercise 7.1: with both queues empty the loop parks, and a wake brings it back for work on either"
            + " queue")
    @Tag("exercise-7.1")
    void parksAndAWakeBringsItBack() throws Exception {
        try (ConsumerThread consumer = ConsumerThread.start(consumer(idle))) {
            awaitParked(consumer, "with both queues empty");

            Task<String> stolen = queue(other, () -> "later, stolen");
            idle.wakeOne();
            consumer.awaitUntil(stolen::isFinished, () -> "the task queued on the other queue, and the wake after it,"
                    + " did not make the parked loop run it: back from idle.park(), does the loop look at both queues"
                    + " again? " + queues());
            awaitParked(consumer, "after running the stolen task");

            Task<String> mine = queue(own, () -> "later, mine");
            idle.wakeOne();
            consumer.awaitUntil(mine::isFinished, () -> "the task queued on the loop's own queue, and the wake after"
                    + " it, did not make the parked loop run it: does the loop go on looking, and parking, after its"
                    + " first wake-up? " + queues());

            assertThat(Futures.blockOn(stolen)).isEqualTo("later, stolen");
            assertThat(Futures.blockOn(mine)).isEqualTo("later, mine");
        }
    }

    @Test
    @DisplayName("Exercise 7.1: a parked loop stays parked while no work comes: it does not look at the queues again"
            + " until a wake")
    @Tag("exercise-7.1")
    void staysParkedWhileThereIsNoWork() throws Exception {
        try (ConsumerThread consumer = ConsumerThread.start(consumer(idle))) {
            awaitParked(consumer, "with both queues empty");
            long looks = looks();
            long wakeUps = idle.wakeUps();

            NothingHappens.during(() -> looks() != looks || idle.wakeUps() != wakeUps, () -> "with no work queued and"
                    + " no wake, the idle loop came back and looked at the queues " + (looks() - looks) + " more"
                    + " time(s) (" + (idle.wakeUps() - wakeUps) + " wake-up(s) from idle.park()): a parked consumer"
                    + " must wait for a wake, not sleep or park for a while and look again as stage 4's did ("
                    + consumer.describe() + ")");
            assertThat(idle.idleCount()).as("the consumers announced idle").isEqualTo(1);
        }
    }

    /**
     * The lost wake-up, forced: in each round, the loop has looked at both queues and found them
     * empty, and is about to announce itself idle ({@link RacingIdleConsumers}); right then the
     * test queues a runnable and wakes an idle consumer, and that wake finds nobody. Only a loop
     * that looks at the queues again after announcing itself finds the runnable.
     */
    @Test
    @DisplayName("Exercise 7.1: a runnable queued between the loop's look at the queues and its announcement is"
            + " found by a second look, which then takes the announcement back: no lost wake-up (forced " + ROUNDS
            + " times)")
    @Tag("exercise-7.1")
    void looksAgainAfterAnnouncingItselfIdle() throws Exception {
        RacingIdleConsumers racing = new RacingIdleConsumers();
        try (ConsumerThread consumer = ConsumerThread.start(consumer(racing))) {
            for (int round = 1; round <= ROUNDS; round++) {
                int r = round;
                String where = round % 2 == 1 ? "its own queue" : "the other queue";
                consumer.awaitUntil(racing::isAnnouncing, () -> "round " + r + ": the loop did not announce itself idle"
                        + " with both queues empty: " + PARK);

                AtomicInteger announcedWhileRunning = new AtomicInteger(-1);
                Task<String> task = queue(round % 2 == 1 ? own : other, () -> {
                    announcedWhileRunning.set(racing.idleCount());
                    return "round " + r;
                });
                racing.wakeOne(); // finds nobody: the loop has not announced itself yet
                racing.letItAnnounce();

                consumer.awaitUntil(task::isFinished, () -> "round " + r + " of " + ROUNDS + ": a runnable was queued"
                        + " on " + where + " after the loop's look had found both queues empty, and before its"
                        + " idle.announce(); the wake that came with it found nobody announced, and so woke nobody."
                        + " The runnable never ran: a lost wake-up. After idle.announce(), does the loop look at both"
                        + " queues again, and park only if they are still empty? " + queues());
                assertThat(announcedWhileRunning).as("round %d: the consumers announced idle while the loop ran the"
                        + " runnable that its second look found. A wake meant for an idle consumer would pick this"
                        + " busy one, and leave a parked one parked: when the second look finds work, does the loop"
                        + " take its announcement back (idle.withdraw())?", round).hasValue(0);
            }
        }
    }

    @Test
    @DisplayName("Exercise 7.1: a parked loop ends when its thread is interrupted, and leaves no announcement behind")
    @Tag("exercise-7.1")
    void endsWhenInterruptedWhileParked() throws Exception {
        try (ConsumerThread consumer = ConsumerThread.start(consumer(idle))) {
            awaitParked(consumer, "with both queues empty");

            consumer.interrupt();

            consumer.awaitUntil(() -> !consumer.isAlive(), () -> "the consumer thread is alive after an interrupt: an"
                    + " interrupt ends idle.park(); does the loop then see its thread's interrupt status, and end?");
        }
        assertThat(idle.idleCount()).as("the consumers still announced idle once the loop has ended (idle.park()"
                + " withdraws the announcement when it returns)").isZero();
    }

    @Test
    @DisplayName("Exercise 7.1: an interrupt that comes while a task runs ends the loop after that task")
    @Tag("exercise-7.1")
    void endsAfterATaskDuringWhichItWasInterrupted() {
        // The task keeps the interrupt, as CounterFuture's sleep does when its thread is interrupted.
        Task<String> interrupted = queue(own, () -> {
            Thread.currentThread().interrupt();
            return record("interrupted");
        });
        queue(own, () -> record("own, after the interrupt"));
        queue(other, () -> record("other, after the interrupt"));

        try (ConsumerThread consumer = ConsumerThread.start(consumer(idle))) {
            consumer.awaitUntil(() -> !consumer.isAlive(), () -> "the loop went on after its thread was"
                    + " interrupted while a task ran (it ran " + ran + "): does it look at the thread's interrupt"
                    + " status before it takes the next runnable, and leave it set?");
        }
        assertThat(ran).as("the tasks that ran").containsExactly("interrupted");
        assertThat(interrupted.isFinished()).isTrue();
        assertThat(own).hasSize(1);
        assertThat(other).hasSize(1);
    }

    /**
     * An {@link IdleConsumers} whose {@link #announce()} first waits for the test: the loop has
     * looked at both queues and found nothing, and before its announcement counts, the test queues
     * a runnable and calls {@code wakeOne()}, which finds nobody to wake.
     */
    static final class RacingIdleConsumers extends IdleConsumers {

        private final Semaphore announcing = new Semaphore(0);
        private final Semaphore producerDone = new Semaphore(0);

        @Override
        void announce() {
            announcing.release();
            try {
                producerDone.tryAcquire(Within.MOMENT.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the test is over: announce, and let the loop see the interrupt
            }
            super.announce();
        }

        /** Whether the loop has come to {@link #announce()} (once per call: it counts one arrival). */
        boolean isAnnouncing() {
            return announcing.tryAcquire();
        }

        /** Lets the loop that is in {@link #announce()} go on and announce itself. */
        void letItAnnounce() {
            producerDone.release();
        }
    }

    /** Waits until the loop is parked: announced idle, and its thread waiting. */
    private void awaitParked(ConsumerThread consumer, String when) {
        consumer.awaitUntil(() -> idle.idleCount() == 1 && consumer.state() == Thread.State.WAITING,
                () -> "the loop did not park " + when + " (" + idle.idleCount() + " consumer(s) announced idle): "
                        + PARK);
    }

    /** How many times the loop has looked in either queue so far. */
    private long looks() {
        return own.looks() + other.looks();
    }

    /** How many runnables each queue still holds. */
    private String queues() {
        return "(its own queue holds " + own.size() + " runnable(s), the other " + other.size() + ")";
    }

    /** The loop under test, serving {@link #own}, stealing from {@link #other}, parking in {@code idle}. */
    private Runnable consumer(IdleConsumers idle) {
        return () -> AsyncRuntime.consume(own, other, idle);
    }

    private String record(String label) {
        ran.add(label);
        return label;
    }

    /** Spawns {@code body} as a task whose runnable goes on {@code queue}, and queues it (without a wake). */
    private static Task<String> queue(BlockingQueue<TaskRunnable> queue, Supplier<String> body) {
        Spawned<String> spawned = AsyncTask.spawn(Futures.async(body), queue::add);
        spawned.runnable().schedule();
        return spawned.task();
    }
}
