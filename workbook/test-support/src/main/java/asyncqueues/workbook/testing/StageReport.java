package asyncqueues.workbook.testing;

import asyncqueues.workbook.ExerciseNotDone;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The summary that ends a stage's test run: each exercise whose tests ran, solved or not, with
 * where to write it and the first failure that counts against it; the tests of the given code if
 * any fail; and the next step, with the commands for it. For example:
 * <pre>
 * Stage 1, step01-single-queue: 1 of 5 exercises solved; 9 of 28 tests pass
 *
 *   ✗ 1.1  take, print and run runnables, surviving failures, until interrupted
 *          still the stub: step01-single-queue/src/main/java/asyncqueues/step01/AsyncRuntime.java:87
 *   ✗ 1.3  count, print, sleep a tick, then wake and wait, or finish at 3
 *          1 of 3 tests fails: CounterFuture > Exercise 1.3: each poll holds the polling thread...
 *            expected: 1 but was: 0
 *            at step01-single-queue/src/main/java/asyncqueues/step01/CounterFuture.java:61 (poll)
 *   ✓ 1.4  ready once the duration has passed, else wake and wait
 * ...
 * Next: exercise 1.1, in step01-single-queue/src/main/java/asyncqueues/step01/AsyncRuntime.java:87
 *   hint:          ./jbang hint 1.1
 *   its tests:     mvn test -pl step01-single-queue -Dgroups=exercise-1.1
 *   on each save:  ./jbang watch 1.1
 * </pre>
 */
final class StageReport {

    private static final int WIDTH = 100;
    private static final String RULE = "-".repeat(WIDTH);
    private static final String DETAIL = "         ";

    private final List<TestResult> results;
    private final Path sources;
    private final Map<String, ExerciseMarkers.Marker> markers = new LinkedHashMap<>();
    private final FailureText failureText;

    /**
     * @param results     every test of the run
     * @param sources     the stage's main sources, or {@code null} if not known
     * @param testSources the stage's test sources, or {@code null}
     * @param root        the workbook's root, against which paths are shown, or {@code null}
     */
    StageReport(List<TestResult> results, Path sources, Path testSources, Path root) {
        this.results = List.copyOf(results);
        this.sources = sources;
        this.failureText = new FailureText(sources, testSources, root);
        if (sources != null) {
            try {
                ExerciseMarkers.scan(sources).forEach(marker -> markers.putIfAbsent(marker.exercise(), marker));
            } catch (RuntimeException unreadable) {
                // a report without titles is still a report
            }
        }
    }

    String render() {
        // The exercises whose own tests ran: a run of one exercise's tests (-Dgroups=exercise-1.3)
        // also runs the tests it shares with others, which alone say nothing of those others.
        Set<String> exercises = new TreeSet<>(ExerciseOrder.NUMBERS);
        results.stream().filter(result -> result.exercises().size() == 1)
                .forEach(result -> exercises.addAll(result.exercises()));
        if (exercises.isEmpty()) {
            results.forEach(result -> exercises.addAll(result.exercises()));
        }
        ExerciseJudge judge = new ExerciseJudge(results);
        List<ExerciseVerdict> verdicts = exercises.stream().map(judge::judge).toList();
        String first = exercises.iterator().next();
        String module = ExerciseNotDone.moduleOf(first);
        boolean partial = markers.keySet().stream().anyMatch(exercise -> !exercises.contains(exercise));

        StringBuilder text = new StringBuilder();
        text.append('\n').append(RULE).append('\n');
        long solved = verdicts.stream().filter(ExerciseVerdict::solved).count();
        long passing = results.stream().filter(TestResult::passed).count();
        text.append("Stage ").append(stageOf(first)).append(", ").append(module).append(": ")
                .append(solved).append(" of ").append(plural(verdicts.size(), "exercise")).append(" solved; ")
                .append(passing).append(" of ").append(plural(results.size(), "test")).append(" pass");
        if (partial) {
            text.append(" (only ").append(verdicts.size() == 1 ? "this exercise's" : "these exercises'")
                    .append(" tests ran)");
        }
        text.append("\n\n");
        verdicts.forEach(verdict -> exercise(text, verdict));
        givenCode(text);
        text.append('\n');
        next(text, module, verdicts, partial);
        text.append(RULE).append('\n');
        return text.toString();
    }

    private void exercise(StringBuilder text, ExerciseVerdict verdict) {
        String exercise = verdict.exercise();
        ExerciseMarkers.Marker marker = markers.get(exercise);
        String title = marker == null ? "" : marker.title();
        text.append(verdict.solved() ? "  ✓ " : "  ✗ ").append(String.format("%-5s", exercise)).append(title)
                .append('\n');
        switch (verdict.state()) {
            case SOLVED -> {
                if (verdict.waiting() > 0) {
                    text.append(DETAIL).append("(").append(plural(verdict.waiting(), "test")).append(" it shares ")
                            .append(verdict.waiting() == 1 ? "waits" : "wait").append(" for exercise ")
                            .append(String.join(", ", verdict.waitsFor())).append(")\n");
                }
            }
            case NOT_STARTED -> text.append(DETAIL).append("still the stub: ").append(where(exercise)).append('\n');
            case WAITING -> text.append(DETAIL).append("not judged: its tests here wait for exercise ")
                    .append(String.join(", ", verdict.waitsFor())).append('\n');
            case UNTESTED -> text.append(DETAIL).append("no test is tagged ").append(ExerciseTags.of(exercise))
                    .append('\n');
            case TIMED_OUT, FAILING -> {
                int failing = verdict.failing().size();
                text.append(DETAIL).append(failing).append(" of ").append(plural(verdict.tests(), "test"))
                        .append(failing == 1 ? " fails" : " fail")
                        .append(verdict.state() == ExerciseVerdict.State.TIMED_OUT ? " (they time out)" : "")
                        .append(". First:\n");
                failure(text, verdict.firstFailure());
            }
        }
    }

    private void givenCode(StringBuilder text) {
        List<TestResult> failing = results.stream()
                .filter(result -> result.exercises().isEmpty() && !result.passed())
                .toList();
        if (!failing.isEmpty()) {
            text.append("  ! ").append(plural(failing.size(), "test")).append(" of the given code ")
                    .append(failing.size() == 1 ? "fails" : "fail")
                    .append(" (was code outside the exercise regions changed?). First:\n");
            failure(text, failing.getFirst());
        }
    }

    private void failure(StringBuilder text, TestResult test) {
        failureText.lines(test, DETAIL, WIDTH).forEach(line -> text.append(line).append('\n'));
    }

    private void next(StringBuilder text, String module, List<ExerciseVerdict> verdicts, boolean partial) {
        ExerciseVerdict next = verdicts.stream().filter(verdict -> !verdict.solved()).findFirst().orElse(null);
        if (next == null) {
            String stage = String.format("step%02d", stageOf(verdicts.getFirst().exercise()));
            if (partial) {
                text.append(verdicts.size() == 1 ? "Solved. " : "All solved. ")
                        .append("The whole stage's tests: mvn test -pl ").append(module).append('\n');
            } else {
                text.append("Stage solved. See it run: ./jbang ").append(stage)
                        .append(" --fast. Every stage: ./jbang progress\n");
            }
            return;
        }
        String exercise = next.exercise();
        text.append("Next: exercise ").append(exercise).append(", in ").append(where(exercise)).append('\n');
        text.append("  hint:          ./jbang hint ").append(exercise).append('\n');
        text.append("  its tests:     mvn test -pl ").append(module).append(" -Dgroups=")
                .append(ExerciseTags.of(exercise)).append('\n');
        text.append("  on each save:  ./jbang watch ").append(exercise).append('\n');
    }

    /** Where an exercise's code goes: its file and the first line after its BEGIN marker. */
    private String where(String exercise) {
        ExerciseMarkers.Marker marker = markers.get(exercise);
        if (marker == null || sources == null) {
            return ExerciseNotDone.moduleOf(exercise) + ", between its EXERCISE " + exercise + " markers";
        }
        return failureText.shown(sources.resolve(marker.file())) + ":" + (marker.line() + 1);
    }

    private static int stageOf(String exercise) {
        return Integer.parseInt(exercise.substring(0, exercise.indexOf('.')));
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
