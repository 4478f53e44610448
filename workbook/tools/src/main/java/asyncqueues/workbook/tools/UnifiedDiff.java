package asyncqueues.workbook.tools;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/**
 * A line diff of two texts in the unified format, with three lines of context, for a person to
 * read in a failure message; java-diff-utils computes it. Lines are compared with their
 * terminators, so that a line whose only change is {@code \r\n} for {@code \n} shows: such a
 * terminator is written out as {@code [CRLF]} or {@code [CR]}, and a last line without one is
 * followed by {@code \ No newline at end of file}.
 */
final class UnifiedDiff {

    static final int CONTEXT = 3;
    /** A diff longer than this is cut, with a note of how much was left out. */
    static final int MAX_LINES = 200;

    private static final String NO_NEWLINE = "\\ No newline at end of file";

    private UnifiedDiff() {}

    /** The diff that turns {@code expected} into {@code actual}; empty if they are equal. */
    static String between(String expectedName, String expected, String actualName, String actual) {
        List<String> before = visible(expected);
        List<String> after = visible(actual);
        if (before.equals(after)) {
            return "";
        }
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(expectedName, actualName, before,
                DiffUtils.diff(before, after), CONTEXT);
        if (diff.size() <= MAX_LINES) {
            return String.join("\n", diff);
        }
        return String.join("\n", diff.subList(0, MAX_LINES)) + "\n(cut: " + (diff.size() - MAX_LINES)
                + " more lines of diff)";
    }

    /** The lines of {@code text}, each with its terminator made visible unless it is {@code \n}. */
    private static List<String> visible(String text) {
        return MarkedSource.splitLines(text).stream().map(line -> line.text() + switch (line.terminator()) {
            case "\r\n" -> " [CRLF]";
            case "\r" -> " [CR]";
            case "" -> "\n" + NO_NEWLINE; // only a last line has none; the note is a line of its own
            default -> "";
        }).toList();
    }
}
