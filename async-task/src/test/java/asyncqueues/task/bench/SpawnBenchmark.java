package asyncqueues.task.bench;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import asyncqueues.task.TaskRunnable;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What a task costs: spawn, schedule, run and complete of a no-op future through
 * {@link AsyncTask#spawn} and a queue with one consumer thread, beside the JDK's nearest
 * equivalent, a one-thread {@link ThreadPoolExecutor} running no-op {@link Runnable}s. Both use
 * a {@link LinkedBlockingQueue}; in each round the producer submits every task, then waits for
 * the last one (the single consumer runs them in order). Warm-up rounds first, then the median
 * of the measured rounds, which alternate which side goes first.
 *
 * <p>A plain harness with a {@code main}, not a JUnit test (surefire runs only classes named
 * {@code *Test}); build, then run from the repository root:
 * <pre>
 *   mvn -o -q test-compile -pl async-task
 *   java -cp async-task/target/classes:async-task/target/test-classes \
 *        asyncqueues.task.bench.SpawnBenchmark [tasks-per-round [measured-rounds]]
 * </pre>
 * The numbers are only comparable on one machine in one run; on a busy machine, run it twice.
 */
public final class SpawnBenchmark {

    private static final int DEFAULT_TASKS = 1_000_000;
    private static final int DEFAULT_ROUNDS = 10;
    private static final int WARM_UP_ROUNDS = 5;

    private SpawnBenchmark() {}

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_TASKS;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROUNDS;
        if (tasks < 1 || rounds < 1) {
            throw new IllegalArgumentException("tasks and rounds must be at least 1, got " + tasks + " and " + rounds);
        }
        try (AsyncTaskSide asyncTask = new AsyncTaskSide(); ExecutorSide executor = new ExecutorSide()) {
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                asyncTask.round(tasks);
                executor.round(tasks);
            }
            long[] asyncTaskNanos = new long[rounds];
            long[] executorNanos = new long[rounds];
            for (int round = 0; round < rounds; round++) {
                if (round % 2 == 0) {
                    asyncTaskNanos[round] = asyncTask.round(tasks);
                    executorNanos[round] = executor.round(tasks);
                } else {
                    executorNanos[round] = executor.round(tasks);
                    asyncTaskNanos[round] = asyncTask.round(tasks);
                }
            }
            report(tasks, rounds, asyncTaskNanos, executorNanos);
        }
    }

    private static void report(int tasks, int rounds, long[] asyncTaskNanos, long[] executorNanos) {
        double asyncTask = perTask(median(asyncTaskNanos), tasks);
        double executor = perTask(median(executorNanos), tasks);
        System.out.printf(Locale.ROOT, "%,d no-op tasks per round, one consumer thread, %d warm-up rounds,"
                + " median of %d rounds (Java %s, %d CPUs)%n", tasks, WARM_UP_ROUNDS, rounds,
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  AsyncTask.spawn + LinkedBlockingQueue  %7.1f ns/task  (%s)%n",
                asyncTask, spread(asyncTaskNanos, tasks));
        System.out.printf(Locale.ROOT, "  ThreadPoolExecutor, 1 thread           %7.1f ns/task  (%s)%n",
                executor, spread(executorNanos, tasks));
        System.out.printf(Locale.ROOT, "  ratio AsyncTask / ThreadPoolExecutor   %7.2f%n", asyncTask / executor);
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String spread(long[] nanos, int tasks) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "min %.1f, max %.1f",
                perTask(sorted[0], tasks), perTask(sorted[sorted.length - 1], tasks));
    }

    private static double perTask(long nanos, int tasks) {
        return (double) nanos / tasks;
    }

    /** The chapter's runtime in miniature: a queue, one consumer thread, tasks spawned onto it. */
    private static final class AsyncTaskSide implements AutoCloseable {
        private static final Future<Void> NO_OP = cx -> Poll.ready(null);

        private final BlockingQueue<TaskRunnable> queue = new LinkedBlockingQueue<>();
        private final Consumer<TaskRunnable> schedule = queue::add;
        private final Thread consumer = Thread.ofPlatform().daemon().name("async-task-consumer").start(() -> {
            try {
                for (;;) {
                    queue.take().run();
                }
            } catch (InterruptedException closing) {
                // close() stops the consumer
            }
        });

        /** Spawns {@code tasks} tasks, waits for the last, and returns the nanoseconds it all took. */
        long round(int tasks) throws InterruptedException {
            CountDownLatch last = new CountDownLatch(1);
            Future<Void> countDown = cx -> {
                last.countDown();
                return Poll.ready(null);
            };
            long start = System.nanoTime();
            for (int i = 1; i < tasks; i++) {
                AsyncTask.spawn(NO_OP, schedule).runnable().schedule();
            }
            AsyncTask.spawn(countDown, schedule).runnable().schedule();
            last.await();
            return System.nanoTime() - start;
        }

        /** Stops the consumer (a daemon thread, so it cannot keep the JVM alive either way). */
        @Override
        public void close() {
            consumer.interrupt();
        }
    }

    /** The JDK's executor with one thread and an unbounded LinkedBlockingQueue, running Runnables. */
    private static final class ExecutorSide implements AutoCloseable {
        private static final Runnable NO_OP = () -> {};

        private final ThreadPoolExecutor executor =
                new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());

        ExecutorSide() {
            executor.prestartCoreThread();
        }

        /** Submits {@code tasks} runnables, waits for the last, and returns the nanoseconds it all took. */
        long round(int tasks) throws InterruptedException {
            CountDownLatch last = new CountDownLatch(1);
            long start = System.nanoTime();
            for (int i = 1; i < tasks; i++) {
                executor.execute(NO_OP);
            }
            executor.execute(last::countDown);
            last.await();
            return System.nanoTime() - start;
        }

        /** Lets the pool's thread end once the queue is empty, which it is after a round. */
        @Override
        public void close() {
            executor.shutdown();
        }
    }
}
