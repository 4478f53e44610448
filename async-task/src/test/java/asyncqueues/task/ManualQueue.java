package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A schedule function that only queues: the test decides when each runnable runs, on its own
 * thread, so a task's life can be stepped through one poll at a time. It counts every call of
 * the schedule function, which is how the tests see "scheduled exactly once".
 */
final class ManualQueue implements Consumer<TaskRunnable> {

    private final Queue<TaskRunnable> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger scheduled = new AtomicInteger();

    @Override
    public void accept(TaskRunnable runnable) {
        scheduled.incrementAndGet();
        queued.add(runnable);
    }

    /** How many times the schedule function was called. */
    int scheduled() {
        return scheduled.get();
    }

    /** How many runnables wait to be run. */
    int size() {
        return queued.size();
    }

    /** Spawns {@code future} on this queue and queues its runnable: the usual first step. */
    <T> Task<T> spawn(Future<T> future) {
        Spawned<T> spawned = AsyncTask.spawn(future, this);
        spawned.runnable().schedule();
        return spawned.task();
    }

    /** Runs the runnable at the head of the queue, which must not be empty. */
    void runNext() {
        TaskRunnable next = queued.poll();
        assertThat(next).as("a queued runnable").isNotNull();
        next.run();
    }

    /** Runs queued runnables until none is left. */
    void runAll() {
        for (TaskRunnable next; (next = queued.poll()) != null; ) {
            next.run();
        }
    }
}
