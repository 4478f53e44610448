package asyncqueues.task.bench;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import asyncqueues.task.Spawned;
import asyncqueues.task.TaskRunnable;
import asyncqueues.task.Trace;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the {@link Trace} hooks cost: a task's whole life (spawn, schedule, one Pending poll, a
 * wake, the Ready poll) on one thread, with nothing recording, and with a recording running.
 * One thread and a plain deque, so that the figure is the task machinery's and not a queue
 * handoff's, whose noise (tens of percent from run to run on two cores) would hide a branch.
 *
 * <p>Whether the hooks cost anything when off is a comparison of two builds: run this harness on
 * the foundation without the hooks (the last commit before {@code Trace}) and with them, in turn:
 * <pre>
 *   mvn -o -q test-compile -pl async-task
 *   java -cp async-task/target/classes:async-task/target/test-classes \
 *        asyncqueues.task.bench.TraceCostBenchmark [tasks-per-round [measured-rounds]]
 * </pre>
 */
public final class TraceCostBenchmark {

    private static final int DEFAULT_TASKS = 1_000_000;
    private static final int DEFAULT_ROUNDS = 15;
    private static final int WARM_UP_ROUNDS = 10;

    /** Pending on its first poll (waking itself), Ready on its second. */
    private static final class TwoPolls implements Future<Integer> {
        private boolean polled;

        @Override
        public Poll<Integer> poll(asyncqueues.task.Context cx) {
            if (polled) {
                return Poll.ready(1);
            }
            polled = true;
            cx.waker().wake();
            return Poll.pending();
        }
    }

    private TraceCostBenchmark() {}

    public static void main(String[] args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_TASKS;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROUNDS;
        if (tasks < 1 || rounds < 1) {
            throw new IllegalArgumentException("tasks and rounds must be at least 1, got " + tasks + " and " + rounds);
        }
        boolean recordingAvailable = hasTrace();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            round(tasks, false);
        }
        long[] off = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            off[round] = round(tasks, false);
        }
        System.out.printf(Locale.ROOT, "%d tasks a round, median of %d rounds, one thread%n", tasks, rounds);
        System.out.printf(Locale.ROOT, "  no recording        %7.1f ns/task%n", median(off) / (double) tasks);
        if (recordingAvailable) {
            long[] on = new long[rounds];
            for (int round = 0; round < rounds; round++) {
                on[round] = round(tasks, true);
            }
            System.out.printf(Locale.ROOT, "  recording (6 events a task, %d kept) %7.1f ns/task%n", tasks,
                    median(on) / (double) tasks);
        }
    }

    private static long round(int tasks, boolean recording) {
        ArrayDeque<TaskRunnable> queue = new ArrayDeque<>();
        if (recording) {
            Trace.start(tasks);
        }
        long start = System.nanoTime();
        long sum = 0;
        for (int i = 0; i < tasks; i++) {
            Spawned<Integer> spawned = AsyncTask.spawn(new TwoPolls(), queue::add);
            spawned.runnable().schedule();
            TaskRunnable next;
            while ((next = queue.poll()) != null) {
                next.run();
            }
            sum += spawned.task().isFinished() ? 1 : 0;
        }
        long elapsed = System.nanoTime() - start;
        if (recording) {
            Trace.stop();
        }
        if (sum != tasks) {
            throw new IllegalStateException(tasks - sum + " tasks did not finish");
        }
        return elapsed;
    }

    private static boolean hasTrace() {
        try {
            Class.forName("asyncqueues.task.Trace");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
