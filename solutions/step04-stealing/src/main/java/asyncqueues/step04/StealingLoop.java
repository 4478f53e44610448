package asyncqueues.step04;

import asyncqueues.task.TaskRunnable;
import asyncqueues.workbook.ExerciseNotDone;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;

/**
 * The loop that every consumer of {@link AsyncRuntime} runs: serve your own queue, steal from the
 * other, sleep when both are empty. Stages 5 and 6 carry it over unchanged.
 */
final class StealingLoop {

    /** How long an idle consumer sleeps before it looks at the queues again: the chapter's. */
    static final Duration IDLE_WAIT = Duration.ofMillis(100);

    private StealingLoop() {}

    /**
     * Takes the next runnable from {@code own}, else from {@code other}, and runs it; when both
     * are empty, sleeps for {@code idleWait} and looks again. Serving {@code own} first keeps each queue's consumers on their own work while
     * there is any; stealing means no consumer idles while the other queue has work. Runs until
     * the thread is interrupted.
     *
     * <h2>What the idle wait costs</h2>
     * The chapter sleeps 100 ms when both queues are empty, and so does this loop. It is simple
     * and cannot miss work, but it is a polling loop, with two costs:
     * <ul>
     *   <li>latency: a runnable queued while every consumer sleeps (a new task, or one woken
     *       from another thread) waits up to {@code idleWait} before anyone takes it;
     *   <li>wasted wake-ups: each idle consumer wakes ten times a second to find nothing.
     * </ul>
     * A better way gives the consumers one shared signal instead of a clock: for instance a
     * {@link java.util.concurrent.Semaphore} counting the runnables queued on both channels. The
     * schedule function releases a permit after each {@code add}; a consumer blocks in
     * {@code acquire()} (no timeout, so no wake-up while there is no work), then takes from its
     * own queue, else from the other, sure to find a runnable in one of them since each permit
     * stands for one. This loop keeps the chapter's sleep, so that it reads like the chapter; stage 7
     * parks instead.
     */
    static void consume(BlockingQueue<TaskRunnable> own, BlockingQueue<TaskRunnable> other, Duration idleWait) {
        // EXERCISE 4.1 BEGIN: take from your own queue, else steal from the other, else wait
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
        // EXERCISE 4.1 END
    }

    /**
     * Runs {@code runnable} and lets nothing it throws escape: the chapter's {@code catch_unwind},
     * so that a failing future cannot kill its consumer. Ignoring the throwable loses nothing:
     * the task has recorded it, and whoever awaits the task gets it.
     */
    static void runCatching(TaskRunnable runnable) {
        try {
            runnable.run();
        } catch (Throwable failure) {
            // recorded by the task, see above
        }
    }

    /**
     * Sleeps for {@code idleWait}. Returns {@code false} if the thread was interrupted, which
     * asks the consumer loop to stop; the interrupt status is set again for the loop to see.
     */
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
