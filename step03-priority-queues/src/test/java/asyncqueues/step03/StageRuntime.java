package asyncqueues.step03;

import asyncqueues.workbook.testing.ConsumerPool;
import asyncqueues.workbook.testing.Workers;

/**
 * What the shared helpers of workbook-test-support need to know of this stage's runtime: the
 * loop its consumers run, which a failure names when none of them is alive, and how each queue
 * starts them.
 */
final class StageRuntime {

    /** The global queues' consumers, high-worker-1 and 2 and low-worker-1, watched. */
    static final Workers WORKERS = Workers.running("the consumer loop, AsyncRuntime.consume");

    private StageRuntime() {}

    /**
     * Fails at once, in the test's thread, unless the consumers of both orders start, as many as
     * the chapter's (two HIGH, one LOW): the guard of every test that needs the global queues,
     * whose holders start the same consumers.
     */
    static void requireWorkingPools() {
        for (FutureType order : FutureType.values()) {
            int count = order == FutureType.HIGH ? 2 : 1;
            try (ConsumerPool pool = ConsumerPool.start(queue -> AsyncRuntime.startConsumers(order, queue))) {
                pool.assertStarted("startConsumers(" + order + ", queue)", count);
            }
        }
    }
}
