package asyncqueues.workbook.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The progress of a class: every learner's clone measured in a JVM of its own
 * ({@link IsolatedProgress}), several at a time, into one {@link ClassReport}.
 *
 * <p>A class is given as roots: each a clone (a workbook's root), or a folder whose sub-folders
 * are clones. A learner is named after their clone's folder.
 */
final class ClassProgress {

    /** How long one clone may take, all its stages included: several times a sound clone's. */
    static final Duration CLONE_BOUND = Duration.ofMinutes(4);

    /** A learner: their name and their clone. */
    record Learner(String name, Path root) {

        Learner {
            Objects.requireNonNull(name, "name must not be null");
            root = root.toAbsolutePath().normalize();
        }
    }

    private final int parallelism;
    private final Duration bound;

    ClassProgress() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors()), CLONE_BOUND);
    }

    ClassProgress(int parallelism, Duration bound) {
        this.parallelism = parallelism;
        this.bound = bound;
    }

    /**
     * The learners of {@code roots}, in order: a root that is a clone is one learner, a root that
     * holds clones is one learner per clone, sorted by name.
     *
     * @throws WorkbookException for a root that is neither, or a learner named twice
     */
    static List<Learner> learnersOf(List<Path> roots) {
        Map<String, Learner> learners = new LinkedHashMap<>();
        for (Path root : roots) {
            List<Path> clones = WorkbookLayout.isRoot(root) ? List.of(root) : clonesIn(root);
            for (Path clone : clones) {
                Learner learner = new Learner(String.valueOf(clone.toAbsolutePath().normalize().getFileName()), clone);
                Learner earlier = learners.putIfAbsent(learner.name(), learner);
                if (earlier != null && !earlier.root().equals(learner.root())) {
                    throw new WorkbookException("two clones are named " + learner.name() + ": " + earlier.root()
                            + " and " + learner.root() + "; give each learner's clone a folder name of its own");
                }
            }
        }
        return List.copyOf(learners.values());
    }

    private static List<Path> clonesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new WorkbookException(folder.toAbsolutePath().normalize() + " is neither a clone of the workbook"
                    + " nor a folder of clones: it does not exist");
        }
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> clones = children.filter(WorkbookLayout::isRoot)
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
            if (clones.isEmpty()) {
                throw new WorkbookException(folder.toAbsolutePath().normalize() + " is neither a clone of the"
                        + " workbook nor a folder of clones: none of its sub-folders holds the workbook's pom.xml");
            }
            return clones;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Measures every learner's clone ({@code stages} of it only, if any are named). */
    ClassReport measure(List<Learner> learners, List<Stage> stages) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, runnable ->
                Thread.ofPlatform().daemon().name("clone-measure").unstarted(runnable));
        try {
            List<Future<IsolatedProgress.Outcome>> outcomes = new ArrayList<>();
            for (Learner learner : learners) {
                outcomes.add(pool.submit(() -> IsolatedProgress.measure(learner.root(), stages, bound)));
            }
            List<ClassReport.Row> rows = new ArrayList<>();
            for (int i = 0; i < learners.size(); i++) {
                rows.add(row(learners.get(i), outcomes.get(i)));
            }
            return new ClassReport(rows);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ClassReport.Row row(Learner learner, Future<IsolatedProgress.Outcome> outcome) {
        try {
            return switch (outcome.get()) {
                case IsolatedProgress.Outcome.Measured(Progress.Report report) ->
                        new ClassReport.Row(learner.name(), learner.root().toString(), report, null);
                case IsolatedProgress.Outcome.Failed(String problem) ->
                        new ClassReport.Row(learner.name(), learner.root().toString(), null, problem);
            };
        } catch (ExecutionException e) {
            return new ClassReport.Row(learner.name(), learner.root().toString(), null,
                    "it could not be measured: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ClassReport.Row(learner.name(), learner.root().toString(), null, "its measurement was interrupted");
        }
    }
}
