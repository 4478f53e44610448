package asyncqueues.step07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.workbook.testing.Within;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The given {@link IdleConsumers}: announcements, parks and wakes, with the test's own threads
 * standing for consumers.
 */
@Timeout(20)
class IdleConsumersTest {

    private final IdleConsumers idle = new IdleConsumers();

    @Test
    void countsTheAnnouncedConsumersAndTakesBackAWithdrawal() {
        assertThat(idle.idleCount()).isZero();

        idle.announce();
        assertThat(idle.idleCount()).isEqualTo(1);

        idle.withdraw();
        assertThat(idle.idleCount()).isZero();
        idle.withdraw(); // nothing to take back: no effect
        assertThat(idle.idleCount()).isZero();
    }

    @Test
    void refusesASecondAnnouncementByTheSameThread() {
        idle.announce();
        try {
            assertThatThrownBy(idle::announce).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("announced itself idle twice").hasMessageContaining("withdraw()");
        } finally {
            idle.withdraw();
        }
    }

    @Test
    void refusesToParkAConsumerThatDidNotAnnounceItself() {
        assertThatThrownBy(idle::park).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parks without announcing itself idle").hasMessageContaining("announce()");
        assertThat(idle.wakeUps()).isZero();
    }

    @Test
    void aWakeWithNobodyAnnouncedDoesNothing() {
        idle.wakeOne();

        assertThat(idle.idleCount()).isZero();
        assertThat(idle.wakeUps()).isZero();
    }

    @Test
    void aWakeUnparksAnAnnouncedConsumerWhichThenWithdraws() throws Exception {
        Parker consumer = Parker.start(idle, "consumer");
        consumer.awaitParked(idle, 1);

        idle.wakeOne();

        consumer.awaitReturned();
        assertThat(idle.wakeUps()).isEqualTo(1);
        assertThat(idle.idleCount()).isZero();
    }

    @Test
    void aWakeUnparksOneConsumerOnlyTheFirstToAnnounce() throws Exception {
        Parker first = Parker.start(idle, "first");
        first.awaitParked(idle, 1);
        Parker second = Parker.start(idle, "second");
        second.awaitParked(idle, 2);

        idle.wakeOne();

        first.awaitReturned();
        assertThat(second.thread.getState()).as("the second consumer's state").isEqualTo(Thread.State.WAITING);
        assertThat(idle.idleCount()).isEqualTo(1);

        idle.wakeOne();
        second.awaitReturned();
        assertThat(idle.wakeUps()).isEqualTo(2);
        assertThat(idle.idleCount()).isZero();
    }

    @Test
    void aConsumerPickedBeforeItParksDoesNotPark() throws Exception {
        CountDownLatch announced = new CountDownLatch(1);
        CountDownLatch picked = new CountDownLatch(1);
        FutureTask<Void> consumer = new FutureTask<>(() -> {
            idle.announce();
            announced.countDown();
            picked.await();
            idle.park(); // picked already: returns at once
            return null;
        });
        Thread.ofPlatform().daemon().name("late-parker").start(consumer);
        assertThat(announced.await(Within.MOMENT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        idle.wakeOne();
        picked.countDown();

        consumer.get(Within.MOMENT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(idle.wakeUps()).as("wake-ups: it never parked").isZero();
        assertThat(idle.idleCount()).isZero();
    }

    /**
     * A wake that picks a consumer after it found work (it withdrew, but too late) leaves a permit
     * behind, and the consumer's next park returns at once: a wake-up for nothing, after which it
     * parks again. (The consumer spins rather than waits on a latch, whose park would use the
     * permit up.)
     */
    @Test
    void aWakeLeftOverFromAnEarlierAnnouncementDoesNotEndAPark() throws Exception {
        CountDownLatch announced = new CountDownLatch(1);
        AtomicBoolean picked = new AtomicBoolean();
        Thread consumer = Thread.ofPlatform().daemon().name("consumer").start(() -> {
            idle.announce();
            announced.countDown();
            while (!picked.get()) {
                Thread.onSpinWait();
            }
            idle.withdraw(); // found work after all: too late, the wake has picked it
            idle.announce(); // idle again, later
            idle.park();
        });
        assertThat(announced.await(Within.MOMENT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        idle.wakeOne();
        picked.set(true);

        new Parker(consumer).awaitParked(idle, 1);
        assertThat(idle.wakeUps()).as("wake-ups: the left-over permit's").isEqualTo(1);

        idle.wakeOne();
        new Parker(consumer).awaitReturned();
        assertThat(idle.wakeUps()).isEqualTo(2);
        assertThat(idle.idleCount()).isZero();
    }

    /** A consumer held after its announcement, so that a wake picks it first, and a second one parked, over one queue. */
    @Nested
    class WithAHeldAndAParkedConsumer {

        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final IdleConsumers idle = new IdleConsumers(queue);
        private HeldConsumer held;
        private Parker parked;

        @BeforeEach
        void announceOneAndParkTheOther() throws Exception {
            held = HeldConsumer.announce(idle);
            parked = Parker.start(idle, "parked");
            parked.awaitParked(idle, 2);
        }

        /**
         * One wake at a time is on its way. The first consumer to announce itself is held before its
         * park, so a wake picks it and cannot end; a second wake then leaves the other consumer
         * parked. When the first comes back it sees two runnables, one more than it can take, and
         * passes the wake on.
         */
        @Test
        void aWakeOnItsWayIsNotDoubledAndTheWokenConsumerPassesItOnWhenMoreWaits() throws Exception {
            queue.add("first");
            idle.wakeOne(); // picks the held consumer, which cannot come back yet
            queue.add("second");
            idle.wakeOne(); // a wake is on its way: nobody else is woken

            assertThat(idle.idleCount()).as("announced consumers while the first wake is on its way").isEqualTo(1);
            assertThat(parked.thread.getState()).isEqualTo(Thread.State.WAITING);

            held.parkNow(); // picked already: it comes back at once, and sees two runnables
            parked.awaitReturned();
            assertThat(idle.idleCount()).isZero();
        }

        @Test
        void aWokenConsumerThatSeesOnlyItsOwnRunnableWakesNobodyElse() throws Exception {
            queue.add("only");
            idle.wakeOne();
            held.parkNow();

            assertThat(parked.thread.getState()).as("the other consumer, with one runnable for one woken consumer")
                    .isEqualTo(Thread.State.WAITING);
            assertThat(idle.idleCount()).isEqualTo(1);
            idle.wakeOne(); // the wake has ended: the next one goes out
            parked.awaitReturned();
        }

        @Test
        void aConsumerPickedAsItFoundWorkItselfPassesTheWakeOnWhenMoreWaits() throws Exception {
            queue.add("first");
            idle.wakeOne();
            queue.add("second");
            idle.wakeOne();

            held.takeAndWithdraw(queue); // its second look found "first": one is left, for someone else

            parked.awaitReturned();
            assertThat(queue).containsExactly("second");
        }
    }

    @Test
    void anInterruptEndsAParkAndTheAnnouncementWithIt() throws Exception {
        Parker consumer = Parker.start(idle, "consumer");
        consumer.awaitParked(idle, 1);

        consumer.thread.interrupt();

        consumer.awaitReturned();
        assertThat(idle.idleCount()).isZero();
    }

    /**
     * A consumer that announced itself and is held, by the test, before its next step, which it
     * then takes on its own thread: {@link #parkNow()} or {@link #takeAndWithdraw}.
     */
    private record HeldConsumer(IdleConsumers idle, Thread thread, BlockingQueue<Runnable> nextStep) {

        static HeldConsumer announce(IdleConsumers idle) throws InterruptedException {
            CountDownLatch announced = new CountDownLatch(1);
            BlockingQueue<Runnable> nextStep = new LinkedBlockingQueue<>();
            Thread thread = Thread.ofPlatform().daemon().name("held").start(() -> {
                idle.announce();
                announced.countDown();
                try {
                    nextStep.take().run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(announced.await(Within.MOMENT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            return new HeldConsumer(idle, thread, nextStep);
        }

        /** Parks, or rather tries to: a wake has picked it already. */
        void parkNow() throws InterruptedException {
            takeStep(idle::park);
        }

        /** Its second look found work: it takes a runnable from {@code queue} and withdraws. */
        void takeAndWithdraw(BlockingQueue<String> queue) throws InterruptedException {
            takeStep(() -> {
                queue.poll();
                idle.withdraw();
            });
        }

        private void takeStep(Runnable step) throws InterruptedException {
            nextStep.add(step);
            thread.join(Within.MOMENT);
            assertThat(thread.isAlive()).as("the held consumer is still busy with its step").isFalse();
        }
    }

    /** A thread that announces itself and parks once. */
    private record Parker(Thread thread) {

        static Parker start(IdleConsumers idle, String name) {
            return new Parker(Thread.ofPlatform().daemon().name(name).start(() -> {
                idle.announce();
                idle.park();
            }));
        }

        void awaitParked(IdleConsumers idle, int announced) {
            Within.await(Within.MOMENT, () -> idle.idleCount() == announced
                    && thread.getState() == Thread.State.WAITING, () -> thread.getName() + " did not park");
        }

        void awaitReturned() throws InterruptedException {
            thread.join(Within.MOMENT);
            assertThat(thread.isAlive()).as("%s is still parked", thread.getName()).isFalse();
        }
    }
}
