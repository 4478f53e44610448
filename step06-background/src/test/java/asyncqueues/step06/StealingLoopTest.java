// Carried over unchanged from step04-stealing's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step06;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.testing.ConsumerThread;
import asyncqueues.workbook.testing.StealingLoopContract;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The stealing loop, {@link StealingLoop#consume}, on its own: what every stealing loop does
 * ({@link StealingLoopContract}, which stage 7's parking loop meets too), and what this one does
 * when both queues are empty: it pauses, and looks again.
 */
@DisplayName("the stealing loop, StealingLoop.consume")
class StealingLoopTest extends StealingLoopContract {

    private static final Duration IDLE_WAIT = Duration.ofMillis(1);

    private static final String PAUSE = "when it finds nothing to take, does it call pause(idleWait)? A loop that"
            + " never pauses keeps a core busy for nothing";

    StealingLoopTest() {
        super(new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>());
    }

    @Override
    protected Runnable consumer() {
        return () -> StealingLoop.consume(own, other, IDLE_WAIT);
    }

    @Test
    @DisplayName("with both queues empty the loop waits, and then sees work on either queue")
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
    @DisplayName("the loop ends when its thread is interrupted")
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
}
