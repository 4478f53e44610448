package asyncqueues.step07;

import asyncqueues.task.Futures;
import asyncqueues.workbook.testing.Workers;
import java.util.List;

/**
 * What the shared helpers of workbook-test-support need to know of this stage's runtime: the
 * loop its consumers run, which a failure names when none of them is alive, and what queued work
 * needs to be done; a start of both of its queues, and a wait until its consumers all park.
 */
final class StageRuntime {

    /** What a runtime needs so that work queued while every consumer is parked is done. */
    private static final String PARKED = "a runnable queued while every consumer is parked runs only if the schedule"
            + " function (exercise 7.2) calls idle.wakeOne() after queueing it, and if each consumer (exercise 7.1)"
            + " looks at both queues again after announcing itself idle, before it parks: without either, a lost"
            + " wake-up";

    /**
     * The global queues' consumers, watched. If the parking loop throws, they die as they start
     * (with the exception's stack trace on the console) and no task ever finishes: the waits then
     * fail at once, saying so.
     */
    static final Workers WORKERS = Workers.running("the parking loop, AsyncRuntime.consume (exercise 7.1)")
            .whenStuck(PARKED);

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

    /**
     * Waits until every live consumer of the runtime is parked: announced idle in
     * {@link IdleConsumers}, and its thread waiting. Call it once the runtime has started.
     */
    static void awaitAllParked() {
        WORKERS.awaitUntil(() -> {
            List<Thread> consumers = WORKERS.consumers();
            return AsyncRuntime.idleConsumers() == consumers.size()
                    && consumers.stream().allMatch(consumer -> consumer.getState() == Thread.State.WAITING);
        }, () -> "the consumers did not all park with no work to do (" + AsyncRuntime.idleConsumers() + " of "
                + WORKERS.consumers().size() + " announced idle): when both queues are empty, does the loop (exercise"
                + " 7.1) announce itself idle, look again, and park?");
    }
}
