package asyncqueues.step01;

import asyncqueues.workbook.testing.Workers;

/**
 * What the shared helpers of workbook-test-support need to know of this stage's runtime: the
 * loop its consumer runs, which a failure names when that consumer is not alive.
 */
final class StageRuntime {

    /** The global queue's consumer, queue-worker-1, watched: it runs the loop of exercise 1.1. */
    static final Workers WORKERS = Workers.running("the consumer loop, AsyncRuntime.consume (exercise 1.1)");

    private StageRuntime() {}
}
