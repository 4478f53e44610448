package asyncqueues.bench;

import asyncqueues.task.Future;
import asyncqueues.task.Poll;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency on an idle runtime: after a random gap of 1 to 100 ms with nothing to do, one task is
 * spawned; the sample is the time from {@code spawnTask} until its future is first polled (the
 * producer spins on a flag the poll sets). JMH keeps every sample, so the table gives the
 * median and the 99th percentile. The gap is random so that it cannot fall into step with a
 * consumer's sleep.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 4)
@Fork(1)
@State(Scope.Benchmark)
public class IdleLatencyBenchmark {

    private static final long MIN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int WARM_UP_WAKE_UPS = 20_000;

    @Param({"STEP04"})
    public String runtime;

    private Runtimes side;
    private final SplittableRandom gaps = new SplittableRandom(42);
    private volatile boolean polled;
    private final Future<Void> markPolled = cx -> {
        polled = true;
        return Poll.ready(null);
    };

    /** Starts the runtime, and compiles its path from idle to the first poll before any sample. */
    @Setup(Level.Trial)
    public void start() {
        side = Runtimes.valueOf(runtime);
        side.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (int i = 0; i < WARM_UP_WAKE_UPS && System.nanoTime() < deadline; i++) {
            spawnAndWaitForThePoll();
        }
    }

    @Setup(Level.Invocation)
    public void idleForAWhile() {
        LockSupport.parkNanos(gaps.nextLong(MIN_GAP_NANOS, MAX_GAP_NANOS + 1));
    }

    @Benchmark
    public void spawnToFirstPoll() {
        spawnAndWaitForThePoll();
    }

    private void spawnAndWaitForThePoll() {
        polled = false;
        side.spawn(markPolled);
        while (!polled) {
            Thread.onSpinWait();
        }
    }
}
