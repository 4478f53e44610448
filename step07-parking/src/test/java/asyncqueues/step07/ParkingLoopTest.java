package asyncqueues.step07;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.testing.ConsumerThread;
import asyncqueues.workbook.testing.StealingLoopContract;
import asyncqueues.workbook.testing.Within;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The parking loop, {@link AsyncRuntime#consume}, on its own: what every stealing loop does
 * ({@link StealingLoopContract}, as stage 4's), and what this one does when both queues are
 * empty: it announces itself idle, looks again, and parks. Each test has an {@link IdleConsumers}
 * of its own, so nothing global is involved. The test plays the producer by hand, as the schedule function
 * (exercise 7.2) does: it puts a runnable on a queue, then calls {@code idle.wakeOne()}.
 */
@DisplayName("Exercise 7.1: the parking loop, AsyncRuntime.consume")
@Tag("exercise-7.1")
class ParkingLoopTest extends StealingLoopContract {

    /** How many times the lost-wake-up test forces its race. */
    private static final int ROUNDS = 200;

    private static final String PARK = "when both queues are empty, does the loop announce itself idle"
            + " (idle.announce()), look at both queues once more, and then park (idle.park())?";

    private final IdleConsumers idle = new IdleConsumers();

    ParkingLoopTest() {
        super(new LookCountingQueue(), new LookCountingQueue());
    }

    @Override
    protected Runnable consumer() {
        return consumer(idle);
    }

    @Test
    @DisplayName("with both queues empty the loop parks, and a wake brings it back for work on either"
            + " queue")
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
    @DisplayName("a parked loop stays parked while no work comes: it does not look at the queues again"
            + " until a wake")
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
    @DisplayName("a runnable queued between the loop's look at the queues and its announcement is"
            + " found by a second look, which then takes the announcement back: no lost wake-up (forced " + ROUNDS
            + " times)")
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
    @DisplayName("a parked loop ends when its thread is interrupted, and leaves no announcement behind")
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
        return ((LookCountingQueue) own).looks() + ((LookCountingQueue) other).looks();
    }

    /** The loop under test, serving {@link #own}, stealing from {@link #other}, parking in {@code idle}. */
    private Runnable consumer(IdleConsumers idle) {
        return () -> AsyncRuntime.consume(own, other, idle);
    }
}
