package asyncqueues.workbook.tools;

import asyncqueues.workbook.testing.ExerciseMarkers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java source read as lines, each with its own line terminator, and the exercise regions that
 * its marker comments enclose.
 *
 * <p>A region runs from a line {@code // EXERCISE S.N BEGIN: title} to the line
 * {@code // EXERCISE S.N END}; its body is the lines strictly between them. Each marker is alone
 * on its line. Regions do not nest, and a file has at most one region per exercise. Keeping each
 * line's terminator ({@code \n}, {@code \r\n} or {@code \r}, or none on a last line) lets a file
 * be rebuilt byte for byte from its lines, so that a stub differs from its solution only inside
 * the regions whatever line endings a checkout uses.
 *
 * <p>{@link #parse} reports every problem of a file at once, each as {@code file:line: what}.
 */
final class MarkedSource {

    /** One line of text, without its terminator, and the terminator that ended it. */
    record Line(String text, String terminator) {}

    /**
     * The region of one exercise.
     *
     * @param begin  the index in {@link #lines()} of the BEGIN marker
     * @param end    the index of the END marker
     * @param indent the whitespace before the BEGIN marker, which the stub's line takes
     */
    record Region(ExerciseNumber number, String title, int begin, int end, String indent) {

        /** The BEGIN marker's line number, counting from 1. */
        int beginLineNumber() {
            return begin + 1;
        }
    }

    private static final Pattern BEGIN = ExerciseMarkers.BEGIN;
    private static final Pattern END = ExerciseMarkers.END;
    /** Anything that looks like an attempt at a marker, to be told apart from a mistyped one. */
    private static final Pattern MARKER_LIKE = Pattern.compile("//\\s*EXERCISE\\b");

    private static final String MARKER_FORMS =
            "a marker is alone on its line and reads '// EXERCISE S.N BEGIN: title' or '// EXERCISE S.N END'";

    private final List<Line> lines;
    private final List<Region> regions;

    private MarkedSource(List<Line> lines, List<Region> regions) {
        this.lines = lines;
        this.regions = regions;
    }

    /**
     * Reads {@code text} and its regions.
     *
     * @param name how messages name the file (a path relative to the workbook's root)
     * @throws WorkbookException listing every malformed, unbalanced, nested or repeated marker
     */
    static MarkedSource parse(String name, String text) {
        List<Line> lines = splitLines(text);
        List<String> problems = new ArrayList<>();
        List<Region> regions = new ArrayList<>();
        Map<ExerciseNumber, Region> seen = new HashMap<>();
        Region open = null; // the region being read: its end is not known yet
        for (int i = 0; i < lines.size(); i++) {
            String lineText = lines.get(i).text();
            Matcher begin = BEGIN.matcher(lineText);
            Matcher end = END.matcher(lineText);
            String where = name + ":" + (i + 1) + ": ";
            if (begin.matches()) {
                if (open != null) {
                    problems.add(where + "EXERCISE " + begin.group(2) + " BEGIN is inside the region of exercise "
                            + open.number() + " (opened at line " + open.beginLineNumber() + "): regions do not"
                            + " nest; end " + open.number() + " first");
                }
                open = new Region(ExerciseNumber.parse(begin.group(2)), begin.group(3), i, -1, begin.group(1));
            } else if (end.matches()) {
                ExerciseNumber number = ExerciseNumber.parse(end.group(2));
                if (open == null) {
                    problems.add(where + "EXERCISE " + number + " END has no BEGIN before it");
                } else if (!open.number().equals(number)) {
                    problems.add(where + "EXERCISE " + number + " END does not match the open region of exercise "
                            + open.number() + " (opened at line " + open.beginLineNumber() + ")");
                } else {
                    Region region = new Region(open.number(), open.title(), open.begin(), i, open.indent());
                    Region earlier = seen.putIfAbsent(region.number(), region);
                    if (earlier != null) {
                        problems.add(name + ":" + region.beginLineNumber() + ": exercise " + region.number()
                                + " has a second region here (its first is at line " + earlier.beginLineNumber() + ")");
                    }
                    regions.add(region);
                }
                open = null;
            } else if (MARKER_LIKE.matcher(lineText).find()) {
                problems.add(where + "malformed exercise marker '" + lineText.strip() + "': " + MARKER_FORMS);
            }
        }
        if (open != null) {
            problems.add(name + ":" + open.beginLineNumber() + ": EXERCISE " + open.number() + " BEGIN has no END");
        }
        if (!problems.isEmpty()) {
            throw new WorkbookException(String.join("\n", problems));
        }
        return new MarkedSource(List.copyOf(lines), List.copyOf(regions));
    }

    /**
     * Finds the region of one exercise in a file that may be damaged elsewhere (a learner's file):
     * only the markers of {@code number}, and the lines between them, must be sound.
     *
     * @throws WorkbookException saying which of its markers is missing, repeated or out of place
     */
    static Region locate(String name, List<Line> lines, ExerciseNumber number) {
        List<Integer> begins = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        String title = null;
        String indent = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher begin = BEGIN.matcher(lines.get(i).text());
            Matcher end = END.matcher(lines.get(i).text());
            if (begin.matches() && begin.group(2).equals(number.toString())) {
                begins.add(i);
                title = begin.group(3);
                indent = begin.group(1);
            } else if (end.matches() && end.group(2).equals(number.toString())) {
                ends.add(i);
            }
        }
        String expected = "'// EXERCISE " + number + " BEGIN: ...' and '// EXERCISE " + number + " END'";
        if (begins.size() != 1 || ends.size() != 1) {
            throw new WorkbookException(name + " should hold exactly one pair of markers " + expected + ", but has "
                    + begins.size() + " BEGIN " + lineNumbers(begins) + "and " + ends.size() + " END "
                    + lineNumbers(ends) + "marker(s); put the markers back around the exercise's code");
        }
        int begin = begins.getFirst();
        int end = ends.getFirst();
        if (end < begin) {
            throw new WorkbookException(name + ":" + (end + 1) + ": the END marker of exercise " + number
                    + " comes before its BEGIN marker (line " + (begin + 1) + ")");
        }
        for (int i = begin + 1; i < end; i++) {
            if (MARKER_LIKE.matcher(lines.get(i).text()).find()) {
                throw new WorkbookException(name + ":" + (i + 1) + ": another exercise marker is inside the region"
                        + " of exercise " + number + " (lines " + (begin + 1) + " to " + (end + 1) + ")");
            }
        }
        return new Region(number, title, begin, end, indent);
    }

    private static String lineNumbers(List<Integer> indexes) {
        if (indexes.isEmpty()) {
            return "";
        }
        return "(line " + String.join(", ", indexes.stream().map(index -> String.valueOf(index + 1)).toList()) + ") ";
    }

    /** Splits {@code text} into lines, each keeping its terminator; joining them gives {@code text} back. */
    static List<Line> splitLines(String text) {
        Objects.requireNonNull(text, "text must not be null");
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int terminatorEnd = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                lines.add(new Line(text.substring(start, i), text.substring(i, terminatorEnd)));
                start = terminatorEnd;
                i = terminatorEnd;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(new Line(text.substring(start), ""));
        }
        return lines;
    }

    /** Joins lines back into text. */
    static String join(List<Line> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.text()).append(line.terminator()));
        return text.toString();
    }

    /** The text of {@code lines} with the body of {@code region} replaced by {@code body}. */
    static String withBody(List<Line> lines, Region region, List<Line> body) {
        List<Line> result = new ArrayList<>(lines.subList(0, region.begin() + 1));
        result.addAll(body);
        result.addAll(lines.subList(region.end(), lines.size()));
        return join(result);
    }

    /** The lines of the region's body. */
    static List<Line> body(List<Line> lines, Region region) {
        return lines.subList(region.begin() + 1, region.end());
    }

    List<Line> lines() {
        return lines;
    }

    /** The regions, in the order of the file. */
    List<Region> regions() {
        return regions;
    }
}
