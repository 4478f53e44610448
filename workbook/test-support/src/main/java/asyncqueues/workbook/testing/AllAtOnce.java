package asyncqueues.workbook.testing;

import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Tasks that can all finish only if they all run at once: each holds its thread until every one
 * of them is running. The threads that ran them show which consumers took work at the same time:
 * with one LOW consumer, LOW tasks that need three threads finish only if the HIGH consumers
 * steal them.
 */
public final class AllAtOnce {

    private AllAtOnce() {}

    /**
     * Spawns {@code count} such tasks with {@code spawn}, waits with {@code workers} until all of
     * them have finished, and returns the names of the threads that ran them, sorted. A failure
     * names the threads that took one, and says {@code hint}.
     */
    public static List<String> threadsThatRan(Workers workers, int count, Function<Future<String>, Task<String>> spawn,
            String hint) {
        CountDownLatch allRunning = new CountDownLatch(count);
        Set<String> ranOn = ConcurrentHashMap.newKeySet();
        List<Task<String>> tasks = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                tasks.add(spawn.apply(Futures.async(() -> holdUntilAllRun(allRunning, ranOn))));
            }
            workers.awaitUntil(() -> tasks.stream().allMatch(Task::isFinished), () -> "the " + count + " tasks, which"
                    + " each hold their thread until all of them run, did not all run at once: only "
                    + new TreeSet<>(ranOn) + " took one. " + hint);
        } finally {
            while (allRunning.getCount() > 0) { // lets every waiting task go, so no consumer is left blocked
                allRunning.countDown();
            }
        }
        return tasks.stream().map(Futures::blockOn).sorted().toList();
    }

    /**
     * Counts down, then waits (bounded) for the rest; returns the thread's name if all came. It
     * waits a little longer than the test does, so that the test's failure, which says who came,
     * is the one reported.
     */
    private static String holdUntilAllRun(CountDownLatch allRunning, Set<String> ranOn) {
        ranOn.add(Thread.currentThread().getName());
        allRunning.countDown();
        try {
            if (!allRunning.await(Within.MOMENT.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("not every task got a thread of its own");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the other tasks", e);
        }
        return Thread.currentThread().getName();
    }
}
