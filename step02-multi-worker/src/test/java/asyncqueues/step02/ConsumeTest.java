package asyncqueues.step02;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.testing.ConsumerThread;
import asyncqueues.workbook.testing.TestFutures;
import asyncqueues.workbook.testing.Within;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("The consumer loop (given)")
@Timeout(30)
class ConsumeTest {

    @Test
    @Timeout(10)
    @DisplayName("runs a task each time it wakes itself, until it is ready")
    void runsWokenTaskAgain() {
        try (ConsumerThread consumer = ConsumerThread.start(AsyncRuntime::consume)) {
            assertThat(consumer.join(consumer.spawn(TestFutures.readyOnPoll(3)))).isEqualTo(3);
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("survives a future that throws: later tasks still run, the task's awaiter sees the failure")
    void survivesThrowingFuture() {
        IllegalStateException failure = new IllegalStateException("a badly written future");
        try (ConsumerThread consumer = ConsumerThread.start(AsyncRuntime::consume)) {
            Task<String> failing = consumer.spawn(TestFutures.throwing(failure));
            Task<String> later = consumer.spawn(TestFutures.threadName());

            assertThat(consumer.join(later)).isEqualTo("test-consumer");
            assertThatThrownBy(() -> consumer.join(failing))
                    .isInstanceOf(CompletionException.class)
                    .hasCause(failure);
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("returns when its thread is interrupted while it waits for work")
    void returnsWhenInterrupted() {
        ConsumerThread consumer = ConsumerThread.start(AsyncRuntime::consume);
        consumer.join(consumer.spawn(Futures.ready("work done, now idle")));
        Within.await(Within.MOMENT, () -> consumer.state() == Thread.State.WAITING,
                () -> "the consumer loop, with nothing left to run, did not wait for work ("
                        + consumer.describe() + ")");
        consumer.close(); // interrupts, and fails unless the loop returns
        assertThat(consumer.isAlive()).isFalse();
    }

    /** The interrupt comes first, so the loop's first take() throws at once: no other thread is needed. */
    @Test
    @Timeout(10)
    @DisplayName("returns on an interrupted thread, leaving its interrupt status set for whoever runs the loop")
    void keepsTheInterruptStatus() {
        Thread.currentThread().interrupt();
        try {
            AsyncRuntime.consume(new LinkedBlockingQueue<TaskRunnable>());

            assertThat(Thread.currentThread().isInterrupted()).as("the thread's interrupt status after the loop"
                    + " returned").isTrue();
        } finally {
            Thread.interrupted(); // cleared, so that the thread is as it was
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("returns after a task during which its thread was interrupted, leaving the next runnable queued")
    void returnsAfterATaskDuringWhichItWasInterrupted() {
        try (ConsumerThread consumer = ConsumerThread.start(AsyncRuntime::consume)) {
            // The task keeps the interrupt, as CounterFuture's sleep does when its thread is interrupted.
            Task<String> interrupted = consumer.spawn(Futures.async(() -> {
                Thread.currentThread().interrupt();
                return "interrupted";
            }));
            Task<String> next = consumer.spawn(Futures.ready("ran after the interrupt"));

            assertThat(consumer.join(interrupted)).isEqualTo("interrupted");
            Within.await(Within.MOMENT, () -> !consumer.isAlive(), () -> "the consumer loop went on after its thread"
                    + " was interrupted while a task ran (" + consumer.describe() + ")");
            assertThat(next.isFinished()).as("the task queued after the interrupted one ran").isFalse();
            assertThat(consumer.queue()).hasSize(1);
        }
    }
}
