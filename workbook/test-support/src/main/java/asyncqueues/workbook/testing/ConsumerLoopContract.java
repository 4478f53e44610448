package asyncqueues.workbook.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.ConsoleCapture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the consumer loop of stages 1 to 3 does, the chapter's {@code while let Ok(runnable) =
 * queue.recv()}: run each runnable it takes, a task again each time it wakes, survive a future
 * that throws, and return when its thread is interrupted, leaving the interrupt status set. Each
 * stage's {@code ConsumeTest} extends it, saying which loop ({@link #loop()}); stage 1's adds what
 * its loop prints. Each test runs the loop on a {@link ConsumerThread} with a queue of its own,
 * its console captured.
 */
@Timeout(10)
public abstract class ConsumerLoopContract {

    /** The loop under test: {@code AsyncRuntime::consume}. */
    protected abstract ConsumerThread.QueueLoop loop();

    @Test
    @DisplayName("runs a task again each time it wakes itself, until it is ready")
    void runsWokenTaskAgain() {
        try (ConsoleCapture quiet = ConsoleCapture.start(); ConsumerThread consumer = ConsumerThread.start(loop())) {
            assertThat(consumer.join(consumer.spawn(TestFutures.readyOnPoll(3)))).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("survives a future that throws: later tasks still run, the task's awaiter sees the failure")
    void survivesThrowingFuture() {
        IllegalStateException failure = new IllegalStateException("a badly written future");
        try (ConsoleCapture quiet = ConsoleCapture.start(); ConsumerThread consumer = ConsumerThread.start(loop())) {
            Task<String> failing = consumer.spawn(TestFutures.throwing(failure));
            Task<String> later = consumer.spawn(TestFutures.threadName());

            assertThat(consumer.join(later)).isEqualTo("test-consumer");
            assertThat(consumer.isAlive()).as("the consumer thread is still running").isTrue();
            assertThatThrownBy(() -> consumer.join(failing))
                    .isInstanceOf(CompletionException.class)
                    .hasCause(failure);
        }
    }

    @Test
    @DisplayName("returns when its thread is interrupted while it waits for work")
    void returnsWhenInterrupted() {
        ConsumerThread consumer;
        try (ConsoleCapture quiet = ConsoleCapture.start()) {
            consumer = ConsumerThread.start(loop());
            consumer.join(consumer.spawn(Futures.ready("work done, now idle")));
        }
        try {
            // Parked in the queue's take(), waiting for the next runnable.
            Within.await(Within.MOMENT, () -> consumer.state() == Thread.State.WAITING,
                    () -> "the consumer loop, with nothing left to run, did not wait for work: does it block in"
                            + " queue.take()? (" + consumer.describe() + ")");
        } finally {
            consumer.close(); // interrupts, and fails unless the loop returns
        }
        assertThat(consumer.isAlive()).isFalse();
    }

    /** The interrupt comes first, so the loop's first take() throws at once: no other thread is needed. */
    @Test
    @DisplayName("returns on an interrupted thread, leaving its interrupt status set for whoever runs the loop")
    void keepsTheInterruptStatus() {
        Thread.currentThread().interrupt();
        try {
            loop().consume(new LinkedBlockingQueue<TaskRunnable>());

            assertThat(Thread.currentThread().isInterrupted()).as("the thread's interrupt status after the loop"
                    + " returned (catching InterruptedException clears it: the catch must set it again, with"
                    + " Thread.currentThread().interrupt())").isTrue();
        } finally {
            Thread.interrupted(); // cleared, so that the thread is as it was
        }
    }

    @Test
    @DisplayName("returns after a task during which its thread was interrupted, leaving the next runnable queued")
    void returnsAfterATaskDuringWhichItWasInterrupted() {
        try (ConsoleCapture quiet = ConsoleCapture.start(); ConsumerThread consumer = ConsumerThread.start(loop())) {
            // The task keeps the interrupt, as CounterFuture's sleep does when its thread is interrupted.
            Task<String> interrupted = consumer.spawn(Futures.async(() -> {
                Thread.currentThread().interrupt();
                return "interrupted";
            }));
            Task<String> next = consumer.spawn(Futures.ready("ran after the interrupt"));

            assertThat(consumer.join(interrupted)).isEqualTo("interrupted");
            Within.await(Within.MOMENT, () -> !consumer.isAlive(), () -> "the consumer loop went on after its thread"
                    + " was interrupted while a task ran: with the interrupt status set, the next queue.take() throws"
                    + " InterruptedException at once, the loop's signal to return. Is it caught inside the loop, or"
                    + " the status cleared? (" + consumer.describe() + ")");
            assertThat(next.isFinished()).as("the task queued after the interrupted one ran").isFalse();
            assertThat(consumer.queue()).hasSize(1);
        }
    }
}
