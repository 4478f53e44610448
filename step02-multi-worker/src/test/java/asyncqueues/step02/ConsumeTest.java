package asyncqueues.step02;

import asyncqueues.workbook.testing.ConsumerLoopContract;
import asyncqueues.workbook.testing.ConsumerThread;
import org.junit.jupiter.api.DisplayName;

/** The given consumer loop: stage 1's, which no longer prints {@code runnable accepted}. */
@DisplayName("The consumer loop (given)")
class ConsumeTest extends ConsumerLoopContract {

    @Override
    protected ConsumerThread.QueueLoop loop() {
        return AsyncRuntime::consume;
    }
}
