package asyncqueues.step02;

import asyncqueues.workbook.testing.ConsumerPool;
import asyncqueues.workbook.testing.Workers;

/**
 * What the shared helpers of workbook-test-support need to know of this stage's runtime: the
 * loop its consumers run, which a failure names when none of them is alive, and how its queue
 * starts them.
 */
final class StageRuntime {

    /** The global queue's consumers, queue-worker-1 to 3, watched. */
    static final Workers WORKERS = Workers.running("the consumer loop, AsyncRuntime.consume");

    private StageRuntime() {}

    /**
     * Fails at once, in the test's thread, unless a pool of {@link AsyncRuntime#CONSUMERS}
     * starts: the guard of every test that needs the global runtime, whose holder starts the
     * same pool.
     */
    static void requireWorkingPool() {
        int count = AsyncRuntime.CONSUMERS;
        try (ConsumerPool pool = ConsumerPool.start(queue -> AsyncRuntime.startConsumers(queue, count))) {
            pool.assertStarted("startConsumers(queue, " + count + ")", count);
        }
    }
}
