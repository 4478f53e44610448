package asyncqueues.workbook.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts in the unified format ({@code ---}, {@code +++}, {@code @@ -a,b +c,d @@}
 * hunks with three lines of context), for a person to read in a failure message.
 *
 * <p>Lines are compared with their terminators, so a line whose only change is {@code \r\n} for
 * {@code \n} shows as changed; such a terminator is written out as {@code [CRLF]} or {@code [CR]}
 * on changed lines, and a last line without one is followed by {@code \ No newline at end of file}.
 * The edit script is a longest common subsequence of the lines between the texts' common prefix
 * and suffix, which is quadratic only in the size of the changed middle: plenty for source files.
 */
final class UnifiedDiff {

    static final int CONTEXT = 3;
    /** A diff longer than this is cut, with a note of how much was left out. */
    static final int MAX_LINES = 200;

    private enum Kind { SAME, REMOVED, ADDED }

    /**
     * One step of the edit script.
     *
     * @param expected the index in the expected text of this line, or of the next one for ADDED
     * @param actual   the index in the actual text of this line, or of the next one for REMOVED
     */
    private record Step(Kind kind, int expected, int actual) {}

    private UnifiedDiff() {}

    /** The diff that turns {@code expected} into {@code actual}; empty if they are equal. */
    static String between(String expectedName, String expected, String actualName, String actual) {
        List<MarkedSource.Line> before = MarkedSource.splitLines(expected);
        List<MarkedSource.Line> after = MarkedSource.splitLines(actual);
        List<Step> steps = editScript(before, after);
        if (steps.stream().allMatch(step -> step.kind() == Kind.SAME)) {
            return "";
        }
        List<String> out = new ArrayList<>();
        out.add("--- " + expectedName);
        out.add("+++ " + actualName);
        for (int[] hunk : hunks(steps)) {
            writeHunk(steps.subList(hunk[0], hunk[1]), before, after, out);
        }
        if (out.size() > MAX_LINES) {
            int cut = out.size() - MAX_LINES;
            out = new ArrayList<>(out.subList(0, MAX_LINES));
            out.add("... (" + cut + " more lines of diff)");
        }
        return String.join("\n", out);
    }

    private static List<Step> editScript(List<MarkedSource.Line> a, List<MarkedSource.Line> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        int n = a.size() - prefix - suffix;
        int m = b.size() - prefix - suffix;
        // common[i][j]: length of the longest common subsequence of a's middle from i and b's from j
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(prefix + i).equals(b.get(prefix + j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k < prefix; k++) {
            steps.add(new Step(Kind.SAME, k, k));
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(prefix + i).equals(b.get(prefix + j))) {
                steps.add(new Step(Kind.SAME, prefix + i++, prefix + j++));
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) { // removals first, as diff does
                steps.add(new Step(Kind.REMOVED, prefix + i++, prefix + j));
            } else {
                steps.add(new Step(Kind.ADDED, prefix + i, prefix + j++));
            }
        }
        for (int k = 0; k < suffix; k++) {
            steps.add(new Step(Kind.SAME, prefix + n + k, prefix + m + k));
        }
        return steps;
    }

    /** The hunks, as [from, to) ranges of steps: changes, with context, merged when their contexts touch. */
    private static List<int[]> hunks(List<Step> steps) {
        List<int[]> hunks = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            if (steps.get(k).kind() == Kind.SAME) {
                continue;
            }
            int from = Math.max(0, k - CONTEXT);
            int to = Math.min(steps.size(), k + 1 + CONTEXT);
            if (!hunks.isEmpty() && hunks.getLast()[1] >= from) {
                hunks.getLast()[1] = to;
            } else {
                hunks.add(new int[] {from, to});
            }
        }
        return hunks;
    }

    private static void writeHunk(List<Step> hunk, List<MarkedSource.Line> before, List<MarkedSource.Line> after,
            List<String> out) {
        int removed = (int) hunk.stream().filter(step -> step.kind() != Kind.ADDED).count();
        int added = (int) hunk.stream().filter(step -> step.kind() != Kind.REMOVED).count();
        Step first = hunk.getFirst();
        out.add("@@ -" + range(first.expected(), removed) + " +" + range(first.actual(), added) + " @@");
        for (Step step : hunk) {
            switch (step.kind()) {
                case SAME -> write(' ', after.get(step.actual()), out);
                case REMOVED -> write('-', before.get(step.expected()), out);
                case ADDED -> write('+', after.get(step.actual()), out);
            }
        }
    }

    /** A hunk's range as unified diffs write it: an empty range is named by the line before it. */
    private static String range(int index, int count) {
        return (count == 0 ? index : index + 1) + "," + count;
    }

    private static void write(char prefix, MarkedSource.Line line, List<String> out) {
        String terminator = switch (line.terminator()) {
            case "\r\n" -> prefix == ' ' ? "" : " [CRLF]";
            case "\r" -> prefix == ' ' ? "" : " [CR]";
            default -> "";
        };
        out.add(prefix + line.text() + terminator);
        if (line.terminator().isEmpty()) {
            out.add("\\ No newline at end of file");
        }
    }
}
