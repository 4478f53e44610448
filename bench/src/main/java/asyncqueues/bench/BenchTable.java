package asyncqueues.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmarks of this module with JMH, each runtime in a JVM of its own with the JVM's
 * default flags, and prints one table with the ratios:
 * <pre>
 *   mvn -P bench verify -pl bench                       everything, about 3 minutes
 *   mvn -P bench verify -pl bench -Dbench.only=Idle     the benchmarks whose name matches
 * </pre>
 * JMH's own report of each benchmark comes first (with its error bars); the table last.
 */
public final class BenchTable {

    private BenchTable() {}

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        String only = args.length > 0 && !args[0].isBlank() ? args[0] : "";
        List<RunResult> results = new ArrayList<>();
        if (matches("TaskCostBenchmark", only)) {
            results.addAll(run(TaskCostBenchmark.class, true)); // with bytes per task
        }
        if (matches("ThroughputBenchmark", only)) {
            results.addAll(run(ThroughputBenchmark.class, false));
        }
        List<String> latencies = new ArrayList<>();
        if (matches("IdleLatency", only)) {
            for (Runtimes runtime : List.of(Runtimes.STEP04, Runtimes.STEP07)) {
                latencies.add(idleLatency(runtime));
            }
        }
        System.out.println();
        System.out.print(table(results, latencies));
    }

    /**
     * Runs {@link IdleLatency} for {@code runtime} in a JVM of its own (this one's java and class
     * path, no flags) and returns the line it printed.
     */
    private static String idleLatency(Runtimes runtime) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                IdleLatency.class.getName(), runtime.name())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("IdleLatency " + runtime + " failed (exit " + process.exitValue() + "): " + output);
        }
        System.out.print(output);
        return output.lines().filter(line -> line.startsWith("IDLE-LATENCY ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("IdleLatency " + runtime + " printed no result: " + output));
    }

    private static boolean matches(String benchmark, String only) {
        return only.isEmpty() || benchmark.contains(only);
    }

    private static Collection<RunResult> run(Class<?> benchmark, boolean allocation) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + benchmark.getName() + "\\.")
                .verbosity(VerboseMode.NORMAL);
        if (allocation) {
            options.addProfiler(GCProfiler.class);
        }
        return new Runner(options.build()).run();
    }

    /** The table: one section per benchmark class, a row per method or runtime. */
    static String table(List<RunResult> results, List<String> latencies) {
        StringBuilder out = new StringBuilder();
        out.append(machine()).append('\n');
        List<RunResult> cost = of(results, "TaskCostBenchmark");
        if (!cost.isEmpty()) {
            double jdk = score(cost, "jdkFutureTask", null);
            out.append("\nThe foundation, one thread, a task's whole life (spawn, schedule, run, blockOn)\n");
            out.append(row("", "ns/task", "B/task", "/ FutureTask"));
            for (RunResult result : cost) {
                String method = method(result.getParams());
                out.append(row(label(method), ns(result.getPrimaryResult().getScore()),
                        bytes(allocated(result)), ratio(result.getPrimaryResult().getScore(), jdk)));
            }
        }
        List<RunResult> throughput = of(results, "ThroughputBenchmark");
        if (!throughput.isEmpty()) {
            double pool = score(throughput, null, "THREAD_POOL_EXECUTOR");
            double forkJoin = score(throughput, null, "FORK_JOIN_POOL");
            out.append("\nThroughput: ").append(String.format(Locale.ROOT, "%,d", ThroughputBenchmark.TASKS))
                    .append(" no-op futures spawned from one thread, all awaited; ")
                    .append(Runtimes.THREADS).append(" threads each\n");
            out.append(row("", "ns/task", "/ TPE", "/ FJP"));
            for (RunResult result : throughput) {
                double score = result.getPrimaryResult().getScore();
                out.append(row(label(result.getParams().getParam("runtime")), ns(score),
                        ratio(score, pool), ratio(score, forkJoin)));
            }
        }
        if (!latencies.isEmpty()) {
            out.append("\nIdle runtime: spawnTask to the first poll, after 1-100 ms with nothing to do\n");
            out.append(row("", "p50 us", "p99 us", "samples"));
            for (String line : latencies) {
                // IDLE-LATENCY STEP07 p50 41.2 p99 120.5 samples 200 (us)
                String[] words = line.split(" ");
                out.append(row(label(words[1]), us(Double.parseDouble(words[3])), us(Double.parseDouble(words[5])),
                        words[7]));
            }
        }
        return out.toString();
    }

    private static List<RunResult> of(List<RunResult> results, String benchmarkClass) {
        return results.stream().filter(r -> r.getParams().getBenchmark().contains("." + benchmarkClass + ".")).toList();
    }

    private static double score(List<RunResult> results, String method, String runtime) {
        return results.stream()
                .filter(r -> method == null || method(r.getParams()).equals(method))
                .filter(r -> runtime == null || runtime.equals(r.getParams().getParam("runtime")))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst().orElse(Double.NaN);
    }

    private static String method(BenchmarkParams params) {
        String name = params.getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** JMH's GC profiler's bytes allocated per operation, if it ran. */
    @SuppressWarnings("rawtypes") // JMH's getSecondaryResults() is a Map of raw Results
    private static Optional<Double> allocated(RunResult result) {
        for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
            if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                return Optional.of(secondary.getValue().getScore());
            }
        }
        return Optional.empty();
    }

    private static String label(String name) {
        return switch (name) {
            case "readyAtOnce" -> "AsyncTask, ready on its first poll";
            case "wokenDuringItsPoll" -> "AsyncTask, woken during its first poll, ready on the second";
            case "jdkFutureTask" -> "JDK FutureTask (new, run, get)";
            case "STEP02" -> "stage 2: 3 consumers on one queue, a print per spawn";
            case "STEP04" -> "stage 4: 2 HIGH + 1 LOW, stealing, 100 ms idle sleep";
            case "STEP05" -> "stage 5: run() with 2 HIGH + 1 LOW, as stage 4";
            case "STEP07" -> "stage 7: 2 HIGH + 1 LOW, stealing, idle consumers park";
            case "THREAD_POOL_EXECUTOR" -> "JDK ThreadPoolExecutor(3), LinkedBlockingQueue";
            case "FORK_JOIN_POOL" -> "JDK ForkJoinPool(3)";
            default -> name;
        };
    }

    private static String row(String label, String... cells) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-62s", label));
        for (String cell : cells) {
            row.append(String.format(Locale.ROOT, " %12s", cell));
        }
        return row.append('\n').toString();
    }

    private static String ns(double nanos) {
        return String.format(Locale.ROOT, "%,.1f", nanos);
    }

    private static String us(double micros) {
        return micros >= 1000 ? String.format(Locale.ROOT, "%,.0f", micros) : String.format(Locale.ROOT, "%,.1f", micros);
    }

    private static String bytes(Optional<Double> bytes) {
        return bytes.map(b -> String.format(Locale.ROOT, "%,.0f", b)).orElse("-");
    }

    private static String ratio(double score, double base) {
        return Double.isNaN(base) ? "-" : String.format(Locale.ROOT, "%.2f", score / base);
    }

    /** What a reader needs to compare the figures with their own. */
    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        String collectors = String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
        return String.format(Locale.ROOT, "Machine: %d CPUs, %s %s %s; Java %s (%s); JVM default flags"
                        + " (collectors: %s; max heap %,d MiB)",
                runtime.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), Runtime.version(), System.getProperty("java.vm.vendor"),
                collectors, runtime.maxMemory() >> 20);
    }
}
