package asyncqueues.bench;

import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Poll;
import asyncqueues.task.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency on an idle runtime: after a random gap of 1 to 100 ms with nothing to do, one task is
 * spawned; the sample is the time from just before {@code spawnTask} to the start of its first
 * poll, which the future itself reads. The spawning thread then waits in {@code blockOn}, as a
 * program that spawns and awaits does. The gap is random so that it cannot fall into step with
 * a sleeping consumer's wake-ups.
 *
 * <p>Not a JMH benchmark: JMH times a method on the thread that calls it, and this time ends on
 * another thread. {@link BenchTable} runs it in a JVM of its own per runtime, with the JVM's
 * default flags, and reads the line it prints:
 * <pre>  java asyncqueues.bench.IdleLatency STEP07 [samples]</pre>
 */
public final class IdleLatency {

    static final int DEFAULT_SAMPLES = 200;
    private static final long MIN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int WARM_UP = 20_000;
    private static final Future<Long> READ_THE_CLOCK = cx -> Poll.ready(System.nanoTime());

    private IdleLatency() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: IdleLatency RUNTIME [samples], RUNTIME one of "
                    + Arrays.toString(Runtimes.values()));
        }
        Runtimes runtime = Runtimes.valueOf(args[0]);
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_SAMPLES;
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        runtime.start();
        warmUp(runtime);
        SplittableRandom gaps = new SplittableRandom(42);
        double[] micros = new double[samples];
        for (int i = 0; i < samples; i++) {
            LockSupport.parkNanos(gaps.nextLong(MIN_GAP_NANOS, MAX_GAP_NANOS + 1));
            long spawned = System.nanoTime();
            long polled = Futures.blockOn(runtime.spawnTask(READ_THE_CLOCK));
            micros[i] = (polled - spawned) / 1000.0;
        }
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "IDLE-LATENCY %s p50 %.1f p99 %.1f samples %d (us)%n",
                runtime, percentile(micros, 50), percentile(micros, 99), samples);
    }

    /**
     * Compiles the spawn and the first poll before any sample: a burst of tasks, and, where an
     * idle consumer is woken promptly, spawn-then-await pairs, each of which wakes one.
     */
    private static void warmUp(Runtimes runtime) {
        List<Task<Long>> burst = new ArrayList<>(WARM_UP);
        for (int i = 0; i < WARM_UP; i++) {
            burst.add(runtime.spawnTask(READ_THE_CLOCK));
        }
        burst.forEach(Futures::blockOn);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (int i = 0; i < WARM_UP && System.nanoTime() < deadline; i++) {
            Futures.blockOn(runtime.spawnTask(READ_THE_CLOCK));
        }
    }

    /** The nearest-rank percentile of sorted {@code values}. */
    static double percentile(double[] values, double percent) {
        int rank = (int) Math.ceil(percent / 100 * values.length);
        return values[Math.max(0, rank - 1)];
    }
}
