package asyncqueues.workbook.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Judges exercises from the results of their tests: the one rule that the stage report, watch
 * and progress all apply.
 *
 * <p>An exercise's tests are those tagged with it. It is solved when they all pass, with one
 * allowance for tests that name several exercises (a test of the whole runtime, say): such a
 * test that fails because of another exercise does not count against this one. It fails because
 * of another exercise when it failed with that exercise's stub, or when that exercise fails tests
 * of its own in the same run. So a learner who has done 1.1 sees it solved while the tests it
 * shares with 1.3 wait for 1.3; once every exercise passes its own tests, a shared test that
 * still fails counts against each exercise it names.
 */
public final class ExerciseJudge {

    private final List<TestResult> results;
    private final Set<String> failingOnTheirOwn;

    /** A judge of the exercises named in {@code results}, every test of one run. */
    public ExerciseJudge(List<TestResult> results) {
        this.results = List.copyOf(results);
        this.failingOnTheirOwn = this.results.stream()
                .filter(result -> !result.passed() && result.exercises().size() == 1)
                .map(result -> result.exercises().iterator().next())
                .collect(Collectors.toSet());
    }

    /** Where {@code exercise} stands. */
    public ExerciseVerdict judge(String exercise) {
        List<TestResult> tests = results.stream().filter(result -> result.exercises().contains(exercise)).toList();
        if (tests.isEmpty()) {
            return new ExerciseVerdict(exercise, ExerciseVerdict.State.UNTESTED, 0, List.of(), 0, Set.of());
        }
        List<TestResult> counted = new ArrayList<>();
        int waiting = 0;
        Set<String> waitsFor = new TreeSet<>(ExerciseOrder.NUMBERS);
        for (TestResult test : tests) {
            if (test.passed()) {
                continue;
            }
            Set<String> blockers = blockersOf(test, exercise);
            if (blockers.isEmpty()) {
                counted.add(test);
            } else {
                waiting++;
                waitsFor.addAll(blockers);
            }
        }
        List<TestResult> ownFirst = new ArrayList<>(counted.stream().filter(test -> test.exercises().size() == 1).toList());
        counted.stream().filter(test -> test.exercises().size() > 1).forEach(ownFirst::add);
        ExerciseVerdict.State state = counted.isEmpty() && waiting == tests.size()
                ? ExerciseVerdict.State.WAITING
                : stateOf(exercise, ownFirst);
        return new ExerciseVerdict(exercise, state, tests.size(), ownFirst, waiting, waitsFor);
    }

    /** The other exercises because of which {@code test}, failing, does not count against {@code exercise}. */
    private Set<String> blockersOf(TestResult test, String exercise) {
        if (test.failedWithStubOf(exercise)) {
            return Set.of();
        }
        Set<String> blockers = new TreeSet<>(ExerciseOrder.NUMBERS);
        if (test.failure() != null) {
            test.failure().exercisesNotDone().stream().filter(other -> !other.equals(exercise)).forEach(blockers::add);
        }
        test.exercises().stream()
                .filter(other -> !other.equals(exercise) && failingOnTheirOwn.contains(other))
                .forEach(blockers::add);
        return blockers;
    }

    private static ExerciseVerdict.State stateOf(String exercise, List<TestResult> counted) {
        if (counted.isEmpty()) {
            return ExerciseVerdict.State.SOLVED;
        }
        if (counted.stream().anyMatch(test -> test.failedWithStubOf(exercise))) {
            return ExerciseVerdict.State.NOT_STARTED;
        }
        if (counted.stream().anyMatch(test -> test.failure() != null && test.failure().timedOut())) {
            return ExerciseVerdict.State.TIMED_OUT;
        }
        return ExerciseVerdict.State.FAILING;
    }
}
