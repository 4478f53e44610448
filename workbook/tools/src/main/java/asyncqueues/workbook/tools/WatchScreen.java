package asyncqueues.workbook.tools;

import asyncqueues.workbook.testing.ExerciseVerdict;
import asyncqueues.workbook.testing.FailureText;
import asyncqueues.workbook.testing.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One screen of watch, from what it knows: the exercise, where to write it, the last attempt at
 * it, and what the learner asked to see. For example:
 * <pre>
 * Exercise 1.3 of the workbook's 18: count, print, sleep a tick, then wake and wait, or finish at 3
 * Write it in step01-single-queue/src/main/java/asyncqueues/step01/CounterFuture.java:55
 *
 * ✗ Not solved: 1 of 3 tests fails.
 *     CounterFuture > Exercise 1.3: counts and prints on each poll, waking itself while Pending, ...
 *       [wakes after the first poll] expected: 1 but was: 0
 *       at step01-single-queue/src/main/java/asyncqueues/step01/CounterFuture.java:57 (CounterFuture.poll)
 *
 * h hint · s stack · n next · r rerun · q quit                 saved 14:02:11, tested 1.4 s later
 * </pre>
 */
final class WatchScreen {

    /** What watch knows when it draws a screen. */
    record View(Exercise exercise, int position, int count, String writeAt, ExerciseTrial.Attempt attempt,
            boolean testing, Exercise next, String hint, boolean stack, String timing, String note) {

        View {
            Objects.requireNonNull(exercise, "exercise must not be null");
        }
    }

    private static final String INDENT = "    ";
    private static final int ERRORS_SHOWN = 5;

    private final Terminal terminal;
    private final WorkbookLayout layout;

    WatchScreen(Terminal terminal, WorkbookLayout layout) {
        this.terminal = terminal;
        this.layout = layout;
    }

    String render(View view) {
        List<String> lines = new ArrayList<>();
        Exercise exercise = view.exercise();
        lines.add(terminal.bold("Exercise " + exercise.number() + " (" + view.position() + " of " + view.count()
                + "): " + exercise.title()));
        lines.add("Write it in " + view.writeAt());
        lines.add("");
        if (view.testing()) {
            lines.add("... testing your code");
        } else if (view.attempt() != null) {
            result(view, lines);
        }
        if (view.note() != null) {
            lines.add("");
            lines.add(view.note());
        }
        if (view.hint() != null) {
            lines.add("");
            lines.add(terminal.bold("Hint"));
            view.hint().lines().forEach(line -> lines.add(INDENT + line));
        }
        lines.add("");
        lines.add(footer(view));
        return String.join("\n", lines) + "\n";
    }

    private void result(View view, List<String> lines) {
        switch (view.attempt()) {
            case ExerciseTrial.Attempt.DoesNotCompile(List<List<String>> errors, boolean tests) -> {
                say(lines, (tests
                        ? "✗ The stage's tests do not compile against your code (a signature outside the regions changed?):"
                        : "✗ Your code does not compile:"), terminal::red);
                for (List<String> error : errors.subList(0, Math.min(errors.size(), ERRORS_SHOWN))) {
                    FailureText.wrap(error.getFirst(), terminal.width() - INDENT.length())
                            .forEach(line -> lines.add(INDENT + line));
                    error.subList(1, error.size()).forEach(line -> lines.add(INDENT + line)); // source and caret, as is
                }
                if (errors.size() > ERRORS_SHOWN) {
                    lines.add(INDENT + "(and " + (errors.size() - ERRORS_SHOWN) + " more)");
                }
            }
            case ExerciseTrial.Attempt.Ran ran -> verdict(view, ran, lines);
        }
    }

    private void verdict(View view, ExerciseTrial.Attempt.Ran ran, List<String> lines) {
        ExerciseVerdict verdict = ran.verdict();
        switch (verdict.state()) {
            case SOLVED -> {
                say(lines, "✓ Solved: " + passing(verdict) + ".", terminal::green);
                if (verdict.waiting() > 0) {
                    boolean one = verdict.waitsFor().size() == 1;
                    lines.add(INDENT + "(" + verdict.waiting() + " more, shared with exercise" + (one ? " " : "s ")
                            + String.join(", ", verdict.waitsFor()) + ", wait for " + (one ? "it" : "them") + ")");
                }
                Exercise next = view.next();
                if (next == null) {
                    lines.add("That was the last exercise of the workbook. ./jbang progress shows them all.");
                } else if (!next.stage().equals(view.exercise().stage())) {
                    String module = view.exercise().stage().module();
                    say(lines, "That was the last exercise of " + module + ". Once all of its exercises are solved"
                            + " (mvn test -pl " + module + " says), see the stage run with ./jbang step"
                            + String.format("%02d", view.exercise().stage().number()) + " --fast.",
                            UnaryOperator.identity());
                    say(lines, "Next: exercise " + next.number() + ", " + next.title() + ". Press n.",
                            UnaryOperator.identity());
                } else {
                    say(lines, "Next: exercise " + next.number() + ", " + next.title() + ". Press n.",
                            UnaryOperator.identity());
                }
            }
            case NOT_STARTED -> say(lines, ("✗ Not started: its region still holds the stub. Write the"
                    + " exercise between its markers, and save."), terminal::red);
            case WAITING -> say(lines, ("✗ Not judged yet: its tests wait for exercise "
                    + String.join(", ", verdict.waitsFor()) + ", which they share with it."), terminal::red);
            case UNTESTED -> say(lines, "✗ No test is tagged with this exercise: a workbook defect.", terminal::red);
            case FAILING, TIMED_OUT -> {
                int failing = verdict.failing().size();
                boolean timedOut = verdict.state() == ExerciseVerdict.State.TIMED_OUT;
                TestResult first = verdict.firstFailure();
                if (first.exercises().size() > 1) { // its own tests pass: only tests it shares fail
                    List<String> others = first.exercises().stream()
                            .filter(other -> !other.equals(view.exercise().number().toString())).toList();
                    say(lines, "✗ Not solved: its own tests pass, but " + failing + " of the tests it"
                            + " shares with exercise " + String.join(", ", others) + (failing == 1 ? " fails" : " fail")
                            + (timedOut ? " (they time out)" : "") + "; the fault may be in either.", terminal::red);
                } else {
                    say(lines, ("✗ Not solved: " + failing + " of " + verdict.tests() + " tests "
                            + (failing == 1 ? "fails" : "fail") + (timedOut ? " (they time out)" : "") + "."), terminal::red);
                }
                Stage stage = view.exercise().stage();
                FailureText failureText = new FailureText(layout.stageSources(stage), layout.stageTestSources(stage),
                        layout.root());
                lines.addAll(failureText.lines(first, INDENT, terminal.width()));
                if (view.stack() && first.failure() != null) {
                    FailureText.stack(first.failure()).forEach(line -> lines.add(INDENT + line));
                }
            }
        }
        ran.problem().ifPresent(problem -> say(lines, "The tests stopped early: " + problem, terminal::red));
    }

    /** Adds {@code text}, wrapped to the terminal's width, each line coloured by {@code colour}. */
    private void say(List<String> lines, String text, UnaryOperator<String> colour) {
        FailureText.wrap(text, terminal.width()).forEach(line -> lines.add(colour.apply(line)));
    }

    private static String passing(ExerciseVerdict verdict) {
        int passing = verdict.passing();
        return passing == 1 ? "its test passes" : "its " + passing + " tests pass";
    }

    private String footer(View view) {
        String keys = "h hint · s stack · n next · r rerun · q quit"
                + (terminal.keysAtOnce() ? "" : " (a key, then Enter)");
        String timing = view.timing() == null ? "" : view.timing();
        int gap = Math.max(2, terminal.width() - keys.length() - timing.length());
        return keys + " ".repeat(gap) + timing;
    }
}
