package asyncqueues.bench;

import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput: one producer thread spawns {@value #TASKS} no-op futures onto a runtime of three
 * threads and waits until every one has been polled; the score is the time per task. Each
 * future counts down one latch, on every runtime alike.
 *
 * <p>A burst begins with the runtime idle, so a runtime whose idle consumers sleep (stages 4
 * and 5: 100 ms) pays, per burst, the wait until the first of them wakes; that is part of what
 * such a runtime costs, and the reason for the going-further stage.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(ThroughputBenchmark.TASKS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ThroughputBenchmark {

    static final int TASKS = 100_000;

    @Param({"STEP02", "STEP04", "STEP05", "STEP07", "THREAD_POOL_EXECUTOR", "FORK_JOIN_POOL"})
    public String runtime;

    private Runtimes side;

    @Setup(Level.Trial)
    public void start() {
        side = Runtimes.valueOf(runtime);
        side.start();
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (side.executor != null) {
            side.executor.shutdownNow();
        }
    }

    @Benchmark
    public void spawnAndComplete() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(TASKS);
        Future<Void> countDown = cx -> {
            done.countDown();
            return Poll.ready(null);
        };
        for (int i = 0; i < TASKS; i++) {
            side.spawn(countDown);
        }
        done.await();
    }
}
