package asyncqueues.step01;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.ConsoleCapture;
import asyncqueues.workbook.testing.ConsumerLoopContract;
import asyncqueues.workbook.testing.ConsumerThread;
import asyncqueues.workbook.testing.TestFutures;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Stage 1's consumer loop: what every consumer loop of stages 1 to 3 does, and what this one prints. */
@DisplayName("Exercise 1.1: the consumer loop")
@Tag("exercise-1.1")
class ConsumeTest extends ConsumerLoopContract {

    @Override
    protected ConsumerThread.QueueLoop loop() {
        return AsyncRuntime::consume;
    }

    @Test
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
    @DisplayName("prints 'runnable accepted' each time it takes a runnable: a woken task's and a failing one's too")
    void printsRunnableAcceptedForEachRun() {
        try (ConsoleCapture console = ConsoleCapture.start();
                ConsumerThread consumer = ConsumerThread.start(AsyncRuntime::consume)) {
            Task<Integer> woken = consumer.spawn(TestFutures.readyOnPoll(3));
            Task<String> failing = consumer.spawn(TestFutures.throwing(new IllegalStateException("badly written")));
            consumer.join(woken);
            consumer.awaitUntil(failing::isFinished, () -> "the failing task did not run");

            assertThat(console.count("runnable accepted")).as("runs: the woken task's three, the failing one's")
                    .isEqualTo(4);
        }
    }
}
