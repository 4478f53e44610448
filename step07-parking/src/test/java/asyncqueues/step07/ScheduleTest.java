package asyncqueues.step07;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Context;
import asyncqueues.task.Futures;
import asyncqueues.task.Poll;
import asyncqueues.task.Spawned;
import asyncqueues.task.TaskRunnable;
import asyncqueues.task.Waker;
import asyncqueues.workbook.testing.Within;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The schedule function, {@link AsyncRuntime#schedule}: the producer's half of the protocol, on
 * a queue and an {@link IdleConsumers} of the test's own. No consumer loop runs here, so these
 * tests do not need exercise 7.1: where a consumer is needed, the test's own thread parks.
 */
@Timeout(20)
class ScheduleTest {

    private static final String QUEUE_FIRST = "the schedule function woke an idle consumer before the runnable was"
            + " on the queue. The consumer it wakes may look, find nothing and park again before the runnable"
            + " arrives, and then nobody wakes it: a lost wake-up. Put the runnable on the queue first, then call"
            + " idle.wakeOne()";

    private final BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();

    @Test
    @DisplayName("Exercise 7.2: the schedule function puts each runnable on its queue")
    @Tag("exercise-7.2")
    void queuesTheRunnable() {
        Spawned<String> spawned = AsyncTask.spawn(Futures.ready("queued"), AsyncRuntime.schedule(queue,
                new IdleConsumers()));

        spawned.runnable().schedule();

        assertThat(queue).as("the queue after the runnable was scheduled: does the schedule function add it to the"
                + " queue it was given?").containsExactly(spawned.runnable());
        queue.remove().run();
        assertThat(spawned.task().isFinished()).isTrue();
    }

    /**
     * In the other order, the consumer that the wake picks can look at the queues before the
     * runnable is there, find nothing, and park again; the runnable then arrives with no wake to
     * follow it. {@link RecordingIdleConsumers} notes what the queue held at each wake.
     */
    @Test
    @DisplayName("Exercise 7.2: the schedule function wakes an idle consumer once per runnable, after the runnable is"
            + " on the queue")
    @Tag("exercise-7.2")
    void wakesAfterQueueing() {
        RecordingIdleConsumers idle = new RecordingIdleConsumers(queue);
        List<TaskRunnable> scheduled = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            Spawned<Integer> spawned = AsyncTask.spawn(Futures.ready(i), AsyncRuntime.schedule(queue, idle));
            scheduled.add(spawned.runnable());
            spawned.runnable().schedule();
        }

        assertThat(idle.queuedAtEachWake()).as("the calls of idle.wakeOne() while 3 runnables were scheduled (none:"
                + " nobody is woken for them, and a runnable queued while every consumer is parked waits for good)")
                .isNotEmpty();
        assertThat(idle.queuedAtEachWake().getFirst()).as("the runnables on the queue when the first wake came: "
                + QUEUE_FIRST).isEqualTo(1);
        assertThat(idle.queuedAtEachWake()).as("at each call of idle.wakeOne(), how many runnables the queue held:"
                + " one wake per runnable, each after its runnable").containsExactly(1, 2, 3);
        assertThat(queue).containsExactlyElementsOf(scheduled);
    }

    @Test
    @DisplayName("Exercise 7.2: the schedule function wakes a parked consumer, which finds the runnable queued")
    @Tag("exercise-7.2")
    void wakesAParkedConsumer() throws Exception {
        IdleConsumers idle = new IdleConsumers();
        Spawned<String> spawned = AsyncTask.spawn(Futures.ready("found"), AsyncRuntime.schedule(queue, idle));
        AtomicReference<TaskRunnable> found = new AtomicReference<>();
        Thread parked = Thread.ofPlatform().daemon().name("parked-consumer").start(() -> {
            idle.announce();
            if (queue.isEmpty()) {
                idle.park();
            }
            found.set(queue.poll());
        });
        try {
            Within.await(Within.MOMENT, () -> idle.idleCount() == 1 && parked.getState() == Thread.State.WAITING,
                    () -> "the test's consumer thread did not park");

            spawned.runnable().schedule();

            Within.await(Within.MOMENT, () -> !parked.isAlive(), () -> "the consumer parked in IdleConsumers was not"
                    + " woken when a runnable was scheduled: does the schedule function call idle.wakeOne() after it"
                    + " queues the runnable? (the queue holds " + queue.size() + " runnable(s))");
            assertThat(found.get()).as("what the woken consumer found on the queue").isSameAs(spawned.runnable());
            assertThat(idle.idleCount()).as("the consumers still announced idle").isZero();
        } finally {
            parked.interrupt();
        }
    }

    @Test
    @DisplayName("Exercise 7.2: a wake from another thread queues the runnable again, and wakes an idle consumer")
    @Tag("exercise-7.2")
    void aWakeFromAnotherThreadSchedulesAndWakes() throws Exception {
        RecordingIdleConsumers idle = new RecordingIdleConsumers(queue);
        AtomicReference<Waker> waker = new AtomicReference<>();
        Spawned<String> spawned = AsyncTask.spawn((Context cx) -> {
            if (waker.getAndSet(cx.waker()) == null) {
                return Poll.pending(); // first poll: wait for the wake
            }
            return Poll.ready("woken");
        }, AsyncRuntime.schedule(queue, idle));
        spawned.runnable().schedule();
        queue.remove().run(); // Pending, with its waker kept
        assertThat(idle.queuedAtEachWake()).as("at each call of idle.wakeOne() for the first schedule, how many"
                + " runnables the queue held: one call, with the runnable queued (no call: nobody is woken for it;"
                + " 0: " + QUEUE_FIRST + ")").containsExactly(1);

        Thread waking = Thread.ofPlatform().daemon().name("waking-thread").start(() -> waker.get().wake());
        waking.join(Within.MOMENT);

        assertThat(queue).as("the queue after a wake from another thread").hasSize(1);
        assertThat(idle.queuedAtEachWake()).as("at each call of idle.wakeOne(), how many runnables the queue held:"
                + " the wake on another thread schedules the runnable, and the schedule function wakes an idle"
                + " consumer for it").containsExactly(1, 1);
        queue.remove().run();
        assertThat(Futures.blockOn(spawned.task())).isEqualTo("woken");
    }

    /**
     * An {@link IdleConsumers} that notes, at each {@link #wakeOne()}, how many runnables the
     * schedule function's queue holds, and then wakes as the real one does.
     */
    static final class RecordingIdleConsumers extends IdleConsumers {

        private final BlockingQueue<TaskRunnable> queue;
        private final List<Integer> queuedAtEachWake = new CopyOnWriteArrayList<>();

        RecordingIdleConsumers(BlockingQueue<TaskRunnable> queue) {
            this.queue = queue;
        }

        @Override
        void wakeOne() {
            queuedAtEachWake.add(queue.size());
            super.wakeOne();
        }

        List<Integer> queuedAtEachWake() {
            return queuedAtEachWake;
        }
    }
}
