package asyncqueues.workbook.tools;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures one clone's progress in a JVM of its own, for a class report: the main class of that
 * JVM, and its launcher.
 *
 * <p>A teacher measures thirty clones, any of which may hold code that never ends, ends the JVM,
 * fills the heap, or does not compile. So each clone is compiled and tested by a JVM of its own
 * ({@link #main}), with a bounded heap ({@value #HEAP}) and a bounded time, which hands its
 * {@link Progress.Report} back in a file; the stages' tests run, as always, in JVMs of their own
 * below it ({@link StageTestRun}). Whatever happens to the clone, the launcher returns an
 * {@link Outcome} that says it, and the teacher's run goes on with the next clone.
 */
final class IsolatedProgress {

    static final String HEAP = "768m";

    /** The test deadline of one stage, in a class report: a sound stage takes 10 s at most. */
    static final Duration STAGE_DEADLINE = Duration.ofSeconds(45);

    private static final int OUT_OF_MEMORY = 3;

    /** What measuring a clone came to. */
    sealed interface Outcome extends Serializable {

        /** It was measured: the report. */
        record Measured(Progress.Report report) implements Outcome {}

        /** It could not be measured, and why, for a person. */
        record Failed(String problem) implements Outcome {}
    }

    private IsolatedProgress() {}

    /** Arguments: {@code ROOT OUT [STAGE_NUMBER...]}; writes the {@link Outcome} to {@code OUT}. */
    public static void main(String[] args) throws IOException {
        Outcome outcome;
        try {
            WorkbookLayout layout = WorkbookLayout.at(Path.of(args[0]));
            ExerciseCatalog catalog = ExerciseCatalog.load(layout);
            List<String> numbers = List.of(args).subList(2, args.length);
            List<Stage> stages = catalog.stages().stream()
                    .filter(stage -> numbers.isEmpty() || numbers.contains(String.valueOf(stage.number())))
                    .toList();
            outcome = new Outcome.Measured(new Progress(layout, catalog, STAGE_DEADLINE).measure(stages));
        } catch (WorkbookException | UncheckedIOException e) {
            outcome = new Outcome.Failed(e.getMessage());
        }
        try (OutputStream file = Files.newOutputStream(Path.of(args[1]));
                ObjectOutputStream out = new ObjectOutputStream(file)) {
            out.writeObject(outcome);
        }
        Runtime.getRuntime().halt(0); // the stages' threads may still run; the report is out
    }

    /**
     * Measures the clone at {@code root} (only {@code stages}, if any are named) in a JVM of its
     * own, waiting at most {@code bound}.
     */
    static Outcome measure(Path root, List<Stage> stages, Duration bound) {
        Path work;
        try {
            work = Files.createTempDirectory("workbook-clone-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory", e);
        }
        try {
            return measure(root, stages, bound, work);
        } finally {
            StageTestRun.deleteRecursively(work);
        }
    }

    private static Outcome measure(Path root, List<Stage> stages, Duration bound, Path work) {
        Path result = work.resolve("outcome");
        Path console = work.resolve("console.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", String.join(File.pathSeparator, ToolClassPath.entries().stream().map(Path::toString).toList()),
                IsolatedProgress.class.getName(), root.toAbsolutePath().toString(), result.toString()));
        stages.forEach(stage -> command.add(String.valueOf(stage.number())));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Outcome.Failed("its tests did not finish within " + bound.toSeconds() + " s and were"
                        + " stopped: code that never ends?");
            }
            if (!Files.isRegularFile(result)) {
                return new Outcome.Failed(process.exitValue() == OUT_OF_MEMORY
                        ? "its measurement ran out of memory (" + HEAP + ")"
                        : "its measurement ended early (exit status " + process.exitValue() + "): " + lastLine(console));
            }
            return read(result);
        } catch (IOException e) {
            return new Outcome.Failed("it could not be measured: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("its measurement was interrupted");
        }
    }

    private static Outcome read(Path result) throws IOException {
        try (InputStream file = Files.newInputStream(result); ObjectInputStream in = new ObjectInputStream(file)) {
            return (Outcome) in.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            return new Outcome.Failed("its measurement wrote no report that could be read: " + e);
        }
    }

    private static String lastLine(Path console) throws IOException {
        List<String> lines = new String(Files.readAllBytes(console), StandardCharsets.UTF_8).lines().toList();
        return lines.isEmpty() ? "it printed nothing" : lines.getLast();
    }
}
