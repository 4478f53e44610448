package asyncqueues.workbook.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A timeline drawn in text, one line per thread that polled, time running left to right:
 * <pre>
 * 3 tasks polled on 3 threads in 612 ms; a column is 7.3 ms
 *
 * high-worker-1 │a---A---                                                    │
 * high-worker-2 │        c----------------------------------                 │
 *               │        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^                 │
 * low-worker-1  │b---    b---    B---                                        │
 *               0 ms                           306 ms                  612 ms
 * a CounterFuture-1 (HIGH)   b CounterFuture-2 (LOW)   c Labelled-3 (LOW)
 * a: a poll of task a that returned Pending (- while it runs), A: one that returned Ready,
 * !: a poll that threw, ?: one still running when the recording stopped
 * ^: the thread stole the task from another queue
 * </pre>
 * Each task has a letter. A poll shows it in the column where it starts, and {@code -} in the
 * rest of its time, so that back-to-back polls of one task stay apart; where two polls start in
 * one column, a Ready one shows over a Pending one. It fits the width it is
 * given (100 columns for the stage programs).
 */
public final class TextTimeline {

    private static final int LEGEND_TASKS = 26;

    private TextTimeline() {}

    /** {@code timeline} in at most {@code width} columns. */
    public static String render(Timeline timeline, int width) {
        int label = Math.min(width / 3, // a long thread name is cut, so that the lines fit
                Math.max(8, timeline.lanes().stream().mapToInt(lane -> lane.thread().length()).max().orElse(0)) + 1);
        int columns = Math.max(10, width - label - 2);
        double nanosPerColumn = Math.max(1, (timeline.end() - timeline.start()) / (double) columns);
        Map<Timeline.Task, Character> letters = letters(timeline.tasks());
        StringBuilder text = new StringBuilder();
        text.append(timeline.tasks().size()).append(timeline.tasks().size() == 1 ? " task" : " tasks")
                .append(" polled on ").append(timeline.lanes().size())
                .append(timeline.lanes().size() == 1 ? " thread" : " threads").append(" in ")
                .append(millis(timeline.end() - timeline.start())).append("; a column is ")
                .append(String.format(Locale.ROOT, "%.1f ms", nanosPerColumn / 1e6)).append('\n');
        if (timeline.dropped() > 0) {
            text.append("(").append(timeline.dropped()).append(" more events were not recorded)\n");
        }
        text.append('\n');
        for (Timeline.Lane lane : timeline.lanes()) {
            char[] marks = new char[columns];
            char[] stolen = new char[columns];
            Arrays.fill(marks, ' ');
            Arrays.fill(stolen, ' ');
            for (Timeline.Poll poll : lane.polls()) {
                int from = column(poll.start(), timeline, nanosPerColumn, columns);
                int to = Math.max(from, column(poll.end() - 1, timeline, nanosPerColumn, columns));
                char mark = mark(letters.get(poll.task()), poll.outcome());
                for (int c = from; c <= to; c++) {
                    if (c == from) {
                        marks[c] = Character.isUpperCase(marks[c]) && mark != '!' ? marks[c] : mark;
                    } else if (marks[c] == ' ') {
                        marks[c] = '-'; // the poll goes on
                    }
                    if (poll.stolenBy(lane.thread())) {
                        stolen[c] = '^';
                    }
                }
            }
            text.append(pad(lane.thread(), label)).append('│').append(marks).append("│\n");
            if (new String(stolen).contains("^")) {
                text.append(pad("", label)).append('│').append(stolen).append("│\n");
            }
        }
        text.append(axis(timeline, label, columns)).append('\n');
        legend(text, timeline, letters, width);
        return text.toString();
    }

    private static Map<Timeline.Task, Character> letters(List<Timeline.Task> tasks) {
        Map<Timeline.Task, Character> letters = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            letters.put(tasks.get(i), (char) ('a' + i % 26));
        }
        return letters;
    }

    private static char mark(char letter, Timeline.Outcome outcome) {
        return switch (outcome) {
            case PENDING -> letter;
            case READY -> Character.toUpperCase(letter);
            case THREW -> '!';
            case UNFINISHED -> '?';
        };
    }

    private static int column(long nanos, Timeline timeline, double nanosPerColumn, int columns) {
        int column = (int) ((nanos - timeline.start()) / nanosPerColumn);
        return Math.max(0, Math.min(columns - 1, column));
    }

    private static String axis(Timeline timeline, int label, int columns) {
        char[] axis = new char[label + columns + 2];
        Arrays.fill(axis, ' ');
        String first = "0 ms";
        String middle = millis((timeline.end() - timeline.start()) / 2);
        String last = millis(timeline.end() - timeline.start());
        put(axis, label, first);
        put(axis, label + 1 + columns / 2 - middle.length() / 2, middle);
        put(axis, label + 2 + columns - last.length(), last);
        return new String(axis).stripTrailing();
    }

    private static void put(char[] line, int at, String text) {
        for (int i = 0; i < text.length() && at + i < line.length; i++) {
            line[at + i] = text.charAt(i);
        }
    }

    private static void legend(StringBuilder text, Timeline timeline, Map<Timeline.Task, Character> letters,
            int width) {
        List<String> entries = new ArrayList<>();
        timeline.tasks().stream().limit(LEGEND_TASKS).forEach(task -> entries.add(letters.get(task) + " "
                + task.name() + (task.queue() == null ? "" : " (" + task.queue() + ")")));
        if (timeline.tasks().size() > LEGEND_TASKS) {
            entries.add("... and " + (timeline.tasks().size() - LEGEND_TASKS) + " more tasks (letters repeat after z)");
        }
        text.append(wrap(entries, "   ", width));
        List<String> key = new ArrayList<>(List.of("a: a poll of task a that returned Pending", "(- while it runs),",
                "A: one that returned Ready,", "!: a poll that threw,", "?: one still running when the recording stopped"));
        if (timeline.lanes().stream().anyMatch(lane -> lane.polls().stream().anyMatch(p -> p.stolenBy(lane.thread())))) {
            key.set(key.size() - 1, key.get(key.size() - 1) + ";");
            key.add("^: the thread stole the task from another queue");
        }
        text.append(wrap(key, " ", width));
    }

    /** {@code parts} joined by {@code gap} into lines of at most {@code width}; a part too long is cut. */
    private static String wrap(List<String> parts, String gap, int width) {
        StringBuilder lines = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String whole : parts) {
            String part = whole.length() > width ? whole.substring(0, width - 3) + "..." : whole;
            if (!line.isEmpty() && line.length() + gap.length() + part.length() > width) {
                lines.append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : gap).append(part);
        }
        return lines.append(line).append('\n').toString();
    }

    static String millis(long nanos) {
        double ms = nanos / 1e6;
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text.substring(0, width) : text + " ".repeat(width - text.length());
    }
}
