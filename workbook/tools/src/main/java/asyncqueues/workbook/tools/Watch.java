package asyncqueues.workbook.tools;

import asyncqueues.workbook.testing.ExerciseMarkers;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The learner's loop, {@code ./jbang watch [S.N]}: one exercise at a time, its tests run again on
 * every save of a file of its stage, the result in a few lines.
 *
 * <p>It opens at the exercise given, else at the first exercise not solved from where it was last
 * time ({@link WatchState}) or from the start: the first whose region still holds the stub, or
 * whose tests fail.
 * Each attempt ({@link ExerciseTrial}) compiles the stage as the learner left it and runs the
 * exercise's tests in a JVM of their own, on a thread of watch's own, so that keys are read
 * while the tests run. Files are found changed by polling their times and sizes every
 * {@value #POLL_MILLIS} ms, which every file system and editor supports (a save by rename
 * included), and the tests run once a change has settled. Keys: {@code h} shows or hides the hint,
 * {@code s} the whole stack of the first failure, {@code n} moves to the next exercise, {@code r}
 * runs the tests again, {@code q} quits.
 */
final class Watch {

    static final int POLL_MILLIS = 100;
    private static final Duration POLL = Duration.ofMillis(POLL_MILLIS);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String GONE = "gone";

    private final WorkbookLayout layout;
    private final List<Exercise> exercises;
    private final Terminal terminal;
    private final WatchScreen screen;
    private final WatchState state;
    private final ExerciseTrial trial;
    private final ExecutorService tester = Executors.newSingleThreadExecutor(runnable ->
            Thread.ofPlatform().daemon().name("watch-tests").unstarted(runnable));

    private int current;
    /** The time and size of each file of the current exercise's stage, when last looked at. */
    private Map<Path, String> files;
    private ExerciseTrial.Attempt attempt;
    private Future<ExerciseTrial.Attempt> testing;
    private Instant testingSince;
    private Instant savedAt;
    private boolean changedWhileTesting;
    private boolean showHint;
    private boolean showStack;
    private String timing;
    private String note;

    private Watch(WorkbookLayout layout, ExerciseCatalog catalog, Terminal terminal, ExerciseTrial trial) {
        this.layout = layout;
        this.exercises = catalog.exercises();
        this.terminal = terminal;
        this.trial = trial;
        this.state = new WatchState(layout);
        this.screen = new WatchScreen(terminal, layout);
    }

    /**
     * Watches until the learner quits.
     *
     * @param start the exercise to open at, if the learner named one
     * @return the exit code
     */
    static int run(WorkbookLayout layout, ExerciseCatalog catalog, Optional<ExerciseNumber> start, InputStream in,
            PrintStream out) throws InterruptedException {
        if (catalog.exercises().isEmpty()) {
            throw new WorkbookException("the workbook has no exercises to watch");
        }
        Path work = temporaryDirectory();
        try (Terminal terminal = Terminal.open(in, out); ExerciseTrial trial = new ExerciseTrial(layout, work)) {
            Watch watch = new Watch(layout, catalog, terminal, trial);
            Optional<Exercise> asked = start.flatMap(catalog::find);
            if (asked.isPresent()) {
                watch.current = watch.exercises.indexOf(asked.get());
            } else {
                int saved = watch.state.exercise().flatMap(catalog::find).map(watch.exercises::indexOf).orElse(0);
                watch.openAtFirstUnsolved(saved);
            }
            return watch.loop();
        } finally {
            StageTestRun.deleteRecursively(work);
        }
    }

    /**
     * Opens at the first exercise from {@code from} on that is not solved: whose region still
     * holds the stub, or whose tests do not all pass. The exercises with code are tested one by
     * one on the way, which for a clone where much is solved without watch takes a while, once.
     */
    private void openAtFirstUnsolved(int from) {
        Set<ExerciseNumber> holdingCode = exercises.stream().map(Exercise::stage).distinct()
                .flatMap(stage -> Stubs.compare(layout, stage).learnerRegions().stream())
                .map(Stubs.LearnerRegion::exercise)
                .collect(Collectors.toSet());
        for (current = from; current < exercises.size() - 1; current++) {
            attempt = null;
            if (!holdingCode.contains(exercise().number())) {
                return; // still the stub: not solved
            }
            note = "Looking for your first unsolved exercise: testing exercise " + exercise().number() + "...";
            draw();
            attempt = trial.attempt(exercise());
            if (!(attempt instanceof ExerciseTrial.Attempt.Ran ran && ran.verdict().solved())) {
                return;
            }
        }
        attempt = null;
    }

    private int loop() throws InterruptedException {
        state.remember(exercise().number());
        files = snapshot();
        if (attempt == null) {
            startTesting(null);
        } else {
            draw(); // the search for the first unsolved exercise has just tested this one
        }
        while (true) {
            Optional<Character> key = terminal.nextKey(POLL);
            if (key.isPresent()) {
                if (key.get() == 'q' || key.get() == 'Q') {
                    return Workbook.OK;
                }
                press(key.get());
            }
            if (testing != null && testing.isDone()) {
                finishTesting();
            }
            Map<Path, String> now = snapshot();
            if (!now.equals(files)) {
                files = settled(now);
                savedAt = latestChange(files);
                if (testing == null) {
                    startTesting(savedAt);
                } else {
                    changedWhileTesting = true;
                }
            }
        }
    }

    private void press(char key) {
        switch (Character.toLowerCase(key)) {
            case 'h' -> showHint = !showHint;
            case 's' -> showStack = !showStack;
            case 'r' -> {
                if (testing == null) {
                    startTesting(null);
                    return;
                }
                changedWhileTesting = true;
            }
            case 'n' -> {
                if (current == exercises.size() - 1) {
                    note = "This is the last exercise of the workbook.";
                } else {
                    current++; // an attempt at the previous exercise still running is forgotten
                    files = snapshot(); // the next exercise may be in another stage
                    state.remember(exercise().number());
                    attempt = null;
                    timing = null;
                    showHint = false;
                    showStack = false;
                    startTesting(null);
                    return;
                }
            }
            default -> {
                return; // not a key of watch's
            }
        }
        draw();
    }

    private void startTesting(Instant saved) {
        Exercise exercise = exercise();
        note = null;
        savedAt = saved;
        testingSince = Instant.now();
        changedWhileTesting = false;
        testing = tester.submit(() -> trial.attempt(exercise));
        draw();
    }

    private void finishTesting() throws InterruptedException {
        try {
            attempt = testing.get();
        } catch (ExecutionException e) {
            throw new WorkbookException("watch could not test exercise " + exercise().number() + ": " + e.getCause(),
                    e.getCause());
        }
        Instant done = Instant.now();
        timing = savedAt == null
                ? "tested in " + seconds(Duration.between(testingSince, done))
                : "saved " + CLOCK.format(LocalTime.ofInstant(savedAt, ZoneId.systemDefault())) + ", tested "
                        + seconds(Duration.between(savedAt, done)) + " later";
        testing = null;
        draw();
        if (changedWhileTesting) {
            startTesting(savedAt);
        }
    }

    private void draw() {
        Exercise exercise = exercise();
        Exercise next = current + 1 < exercises.size() ? exercises.get(current + 1) : null;
        terminal.show(screen.render(new WatchScreen.View(exercise, current + 1, exercises.size(), writeAt(exercise),
                attempt, testing != null, next, showHint ? hint(exercise) : null, showStack, timing, note)));
    }

    private Exercise exercise() {
        return exercises.get(current);
    }

    /** Where the exercise's code goes in the learner's file: the line after its BEGIN marker. */
    private String writeAt(Exercise exercise) {
        Path sources = layout.stageSources(exercise.stage());
        return ExerciseMarkers.scan(sources).stream()
                .filter(marker -> marker.exercise().equals(exercise.number().toString()))
                .findFirst()
                .map(marker -> layout.relative(sources.resolve(marker.file())) + ":" + (marker.line() + 1))
                .orElse(exercise.learnerFile() + ", between its EXERCISE " + exercise.number() + " markers");
    }

    private String hint(Exercise exercise) {
        Path hint = layout.hintFile(exercise);
        return Files.isRegularFile(hint) ? SourceFiles.read(hint).strip() : "(no hint: " + exercise.hintFile() + ")";
    }

    /** The time and size of every file of the current exercise's stage, by path. */
    private Map<Path, String> snapshot() {
        Stage stage = exercise().stage();
        Map<Path, String> files = new HashMap<>();
        for (Path tree : List.of(layout.stageSources(stage), layout.stageTestSources(stage))) {
            if (Files.isDirectory(tree)) {
                try (Stream<Path> paths = Files.walk(tree)) {
                    paths.filter(Files::isRegularFile).forEach(file -> files.put(file, stamp(file)));
                } catch (IOException | UncheckedIOException e) {
                    // a file that went away meanwhile: the next snapshot sees the tree as it settles
                }
            }
        }
        return files;
    }

    /** The snapshot once two in a row agree: an editor may save in several steps. */
    private Map<Path, String> settled(Map<Path, String> changed) throws InterruptedException {
        Map<Path, String> last = changed;
        while (true) {
            Thread.sleep(POLL_MILLIS / 2);
            Map<Path, String> now = snapshot();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
    }

    private static Instant latestChange(Map<Path, String> files) {
        return files.values().stream()
                .filter(stamp -> !stamp.equals(GONE))
                .map(stamp -> Instant.ofEpochMilli(Long.parseLong(stamp.substring(0, stamp.indexOf(' ')))))
                .max(Instant::compareTo)
                .orElse(Instant.now());
    }

    private static String stamp(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() + " " + Files.size(file);
        } catch (IOException e) {
            return GONE;
        }
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("workbook-watch-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory to compile in", e);
        }
    }
}
