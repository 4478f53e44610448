package asyncqueues.step01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.testing.ConsumerThread;
import asyncqueues.workbook.testing.TestFutures;
import asyncqueues.workbook.testing.Within;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Exercise 1.1: the consumer loop")
@Tag("exercise-1.1")
@Timeout(30)
class ConsumeTest {

    @Test
    @Timeout(10)
    @DisplayName("runs queued runnables oldest first, printing 'runnable accepted' for each")
    void runsRunnablesInOrder() {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (ConsoleCapture console = ConsoleCapture.start();
                ConsumerThread consumer = ConsumerThread.start(AsyncRuntime::consume)) {
            List<Task<Void>> tasks = List.of(
                    consumer.spawn(Futures.async(() -> { ran.add("a"); })),
                    consumer.spawn(Futures.async(() -> { ran.add("b"); })),
                    consumer.spawn(Futures.async(() -> { ran.add("c"); })));
            tasks.forEach(consumer::join);

            assertThat(ran).containsExactly("a", "b", "c");
            assertThat(console.lines()).containsExactly(
                    "runnable accepted", "runnable accepted", "runnable accepted");
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("runs a task again each time it wakes itself, until it is ready")
    void runsWokenTaskAgain() {
        try (ConsoleCapture console = ConsoleCapture.start();
                ConsumerThread consumer = ConsumerThread.start(AsyncRuntime::consume)) {
            Task<Integer> task = consumer.spawn(TestFutures.readyOnPoll(3));

            assertThat(consumer.join(task)).isEqualTo(3);
            assertThat(console.count("runnable accepted")).isEqualTo(3);
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("survives a future that throws: later tasks still run, the task's awaiter sees the failure")
    void survivesThrowingFuture() {
        IllegalStateException failure = new IllegalStateException("a badly written future");
        try (ConsoleCapture console = ConsoleCapture.start();
                ConsumerThread consumer = ConsumerThread.start(AsyncRuntime::consume)) {
            Task<String> failing = consumer.spawn(TestFutures.throwing(failure));
            Task<String> later = consumer.spawn(TestFutures.threadName());

            assertThat(consumer.join(later)).isEqualTo("test-consumer");
            assertThat(consumer.isAlive()).as("the consumer thread is still running").isTrue();
            assertThatThrownBy(() -> consumer.join(failing))
                    .isInstanceOf(CompletionException.class)
                    .hasCause(failure);
            assertThat(console.count("runnable accepted")).isEqualTo(2);
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("returns when its thread is interrupted while it waits for work")
    void returnsWhenInterrupted() {
        ConsumerThread consumer = ConsumerThread.start(AsyncRuntime::consume);
        try (ConsoleCapture console = ConsoleCapture.start()) {
            consumer.join(consumer.spawn(Futures.ready("work done, now idle")));
            assertThat(console.lines()).containsExactly("runnable accepted");
        }
        // Parked in the queue's take(), waiting for the next runnable.
        Within.await(Within.MOMENT, () -> consumer.state() == Thread.State.WAITING,
                () -> "the consumer loop, with nothing left to run, did not wait for work: does it block in"
                        + " queue.take()? (" + consumer.describe() + ")");
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
                    + " returned (catching InterruptedException clears it: the catch must set it again, with"
                    + " Thread.currentThread().interrupt())").isTrue();
        } finally {
            Thread.interrupted(); // cleared, so that the thread is as it was
        }
    }

    @Test
    @Timeout(10)
    @DisplayName("returns after a task during which its thread was interrupted, leaving the next runnable queued")
    void returnsAfterATaskDuringWhichItWasInterrupted() {
        try (ConsoleCapture console = ConsoleCapture.start();
                ConsumerThread consumer = ConsumerThread.start(AsyncRuntime::consume)) {
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
