package asyncqueues.step05;

import asyncqueues.workbook.testing.Workers;

/**
 * What the shared helpers of workbook-test-support need to know of this stage's runtime: the
 * loop its consumers run, which a failure names when none of them is alive.
 */
final class StageRuntime {

    /** The global queues' consumers, watched: they run stage 4's stealing loop, given here. */
    static final Workers WORKERS = Workers.running("the stealing loop, StealingLoop.consume (stage 4's)");

    private StageRuntime() {}
}
