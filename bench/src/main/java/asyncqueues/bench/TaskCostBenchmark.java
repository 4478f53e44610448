package asyncqueues.bench;

import asyncqueues.task.AsyncTask;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Poll;
import asyncqueues.task.Spawned;
import asyncqueues.task.TaskRunnable;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the foundation costs per task, on one thread and with no queue between threads: a spawn,
 * its schedule into a one-slot "queue", the run, and {@code blockOn} of the task. Run with JMH's
 * GC profiler (as {@link BenchTable} does), it gives the bytes allocated per task too.
 *
 * <p>Every handle is kept a while, in a ring of {@value #KEPT} slots, as a caller keeps its tasks
 * until it joins them; without that, the JIT could see that the handle never leaves the method
 * and not allocate it at all, which no real caller would see. The JDK's nearest equivalent, a
 * {@link FutureTask} made, kept and "queued" the same way, run and awaited with {@code get()},
 * is the yardstick.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TaskCostBenchmark {

    private static final Future<Void> READY_AT_ONCE = cx -> Poll.ready(null);
    private static final Callable<Void> NO_OP = () -> null;

    /** Pending on its first poll, during which it wakes its task; ready on the second. */
    private static final class WokenOnce implements Future<Void> {
        private boolean polled;

        @Override
        public Poll<Void> poll(asyncqueues.task.Context cx) {
            if (polled) {
                return Poll.ready(null);
            }
            polled = true;
            cx.waker().wake();
            return Poll.pending();
        }
    }

    static final int KEPT = 1024;

    private final Object[] kept = new Object[KEPT];
    private int next;
    private TaskRunnable queued;
    private Runnable queuedRunnable;
    private final Consumer<TaskRunnable> schedule = runnable -> queued = runnable;

    private <H> H keep(H handle) {
        kept[next++ & (KEPT - 1)] = handle;
        return handle;
    }

    private TaskRunnable take() {
        TaskRunnable next = queued;
        queued = null;
        return next;
    }

    @Benchmark
    public Object readyAtOnce() {
        Spawned<Void> spawned = AsyncTask.spawn(READY_AT_ONCE, schedule);
        spawned.runnable().schedule();
        take().run();
        return Futures.blockOn(keep(spawned.task()));
    }

    @Benchmark
    public Object wokenDuringItsPoll() {
        Spawned<Void> spawned = AsyncTask.spawn(new WokenOnce(), schedule);
        spawned.runnable().schedule();
        take().run(); // Pending, and scheduled again by its own wake
        take().run();
        return Futures.blockOn(keep(spawned.task()));
    }

    @Benchmark
    public Object jdkFutureTask() throws InterruptedException, ExecutionException {
        FutureTask<Void> task = keep(new FutureTask<>(NO_OP));
        queuedRunnable = task;
        Runnable next = queuedRunnable;
        queuedRunnable = null;
        next.run();
        return task.get();
    }
}
