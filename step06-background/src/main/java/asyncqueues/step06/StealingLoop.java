// Carried over unchanged from step04-stealing's solution by ./jbang stubs --write; edit it there.
package asyncqueues.step06;

import asyncqueues.task.TaskRunnable;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;

/**
 * The loop every consumer of {@link AsyncRuntime} runs: serve your own queue, steal from the
 * other, and sleep the chapter's 100 ms when both are empty (stage 7 parks instead; stage 4's
 * README says what the sleep costs). Stages 5 and 6 carry it over unchanged.
 */
final class StealingLoop {

    /** How long an idle consumer sleeps before it looks at the queues again: the chapter's. */
    static final Duration IDLE_WAIT = Duration.ofMillis(100);

    private StealingLoop() {}

    /**
     * Takes the next runnable from {@code own}, else from {@code other}, and runs it; when both
     * are empty, sleeps for {@code idleWait} and looks again, until the thread is interrupted.
     * Own work first keeps each queue's consumers on it; stealing leaves no consumer idle while
     * the other queue has work.
     */
    static void consume(BlockingQueue<TaskRunnable> own, BlockingQueue<TaskRunnable> other, Duration idleWait) {
        while (!Thread.currentThread().isInterrupted()) {
            TaskRunnable next = own.poll();
            if (next == null) {
                next = other.poll();
            }
            if (next != null) {
                runCatching(next);
            } else if (!pause(idleWait)) {
                return;
            }
        }
    }

    /** The chapter's {@code catch_unwind}: a failing future must not end its consumer (its task keeps the failure). */
    static void runCatching(TaskRunnable runnable) {
        try {
            runnable.run();
        } catch (Throwable failure) {
            // recorded by the task, see above
        }
    }

    /** Sleeps for {@code idleWait}; {@code false} if interrupted, the interrupt status set again for the loop. */
    static boolean pause(Duration idleWait) {
        try {
            Thread.sleep(idleWait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
