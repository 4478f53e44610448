package asyncqueues.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One queue and its consumer threads, as a stage's runtime has: the executor that the tests
 * needing real concurrency run tasks on. What a run throws is kept for the test to check (a
 * consumer that died on it would hide the failure and hang the test instead).
 */
final class QueueExecutor implements Consumer<TaskRunnable>, AutoCloseable {

    private final BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
    private final List<Thread> consumers = new ArrayList<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger scheduled = new AtomicInteger();
    private final AtomicInteger scheduledByConsumers = new AtomicInteger();

    QueueExecutor(String name, int consumerCount) {
        for (int i = 0; i < consumerCount; i++) {
            Thread consumer = new Thread(this::consume, name + "-" + i);
            consumer.setDaemon(true);
            consumers.add(consumer);
            consumer.start();
        }
    }

    @Override
    public void accept(TaskRunnable runnable) {
        if (isConsumer(Thread.currentThread())) {
            scheduledByConsumers.incrementAndGet();
        }
        scheduled.incrementAndGet();
        queue.add(runnable);
    }

    /** Spawns {@code future} here and queues its runnable. */
    <T> Task<T> spawn(Future<T> future) {
        Spawned<T> spawned = AsyncTask.spawn(future, this);
        spawned.runnable().schedule();
        return spawned.task();
    }

    /** How many times the schedule function was called. */
    int scheduled() {
        return scheduled.get();
    }

    /**
     * How many of those calls came from a consumer thread: a task queued again by the consumer
     * that polled it (woken during its poll), or woken by a future that another task polls.
     */
    int scheduledByConsumers() {
        return scheduledByConsumers.get();
    }

    /** What the runs have thrown so far. */
    List<Throwable> failures() {
        return List.copyOf(failures);
    }

    boolean isConsumer(Thread thread) {
        return consumers.contains(thread);
    }

    private void consume() {
        try {
            for (;;) {
                TaskRunnable next = Spin.take(queue);
                try {
                    next.run();
                } catch (Throwable thrown) {
                    failures.add(thrown);
                }
            }
        } catch (InterruptedException closing) {
            // close() asked the consumer to stop
        }
    }

    @Override
    public void close() {
        Threads.stop(consumers);
    }
}
