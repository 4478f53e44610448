package asyncqueues.step04;

import asyncqueues.task.Futures;
import asyncqueues.workbook.testing.Workers;

/**
 * What the shared helpers of workbook-test-support need to know of this stage's runtime: the
 * loop its consumers run, which a failure names when none of them is alive; and a start of both
 * of its queues.
 */
final class StageRuntime {

    /**
     * The global queues' consumers, watched. If the stealing loop throws, they die as they start
     * (with the exception's stack trace on the console) and no task ever finishes: the waits then
     * fail at once, saying so.
     */
    static final Workers WORKERS = Workers.running("the stealing loop, StealingLoop.consume (exercise 4.1)");

    private StageRuntime() {}

    /**
     * Starts both queues, as their first spawns do, and waits until both have run a task: call it
     * before {@code WORKERS.runWatched}, which fails when it finds no consumer alive.
     */
    static void startQueues() {
        WORKERS.awaitFinished(
                AsyncRuntime.spawnTask(FutureOrderLabel.labelled(FutureType.HIGH, Futures.ready(null))),
                AsyncRuntime.spawnTask(FutureOrderLabel.labelled(FutureType.LOW, Futures.ready(null))));
    }
}
