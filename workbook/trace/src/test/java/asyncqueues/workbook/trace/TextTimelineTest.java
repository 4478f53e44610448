package asyncqueues.workbook.trace;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.workbook.trace.Timeline.Lane;
import asyncqueues.workbook.trace.Timeline.Outcome;
import asyncqueues.workbook.trace.Timeline.Poll;
import asyncqueues.workbook.trace.Timeline.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text timeline, drawn from timelines made by hand. Most timelines here last exactly one
 * millisecond per column ({@link #exact}), so that a poll from 10 ms to 20 ms must fill columns 10
 * to 19 and the expected marks can be written down exactly.
 */
@DisplayName("TextTimeline.render")
@Timeout(10)
class TextTimelineTest {

    static final long MS = 1_000_000;

    // ------------------------------------------------------------------ building timelines

    static Task task(int id, String name) {
        return new Task(id, name, null);
    }

    static Task task(int id, String name, String queue) {
        return new Task(id, name, queue);
    }

    static Poll poll(Task task, long fromMs, long toMs, Outcome outcome) {
        return new Poll(task, fromMs * MS, toMs * MS, outcome);
    }

    static Lane lane(String thread, Poll... polls) {
        return new Lane(thread, List.of(polls));
    }

    /** The columns the renderer gives the polls at {@code width}, with these thread names. */
    static int columnsAt(int width, List<Lane> lanes) {
        return width - labelAt(width, lanes) - 2;
    }

    /** The width of the label before a lane's bar: the longest thread name and a blank, at most a third of the line. */
    static int labelAt(int width, List<Lane> lanes) {
        int longest = lanes.stream().mapToInt(lane -> lane.thread().length()).max().orElse(0);
        return Math.min(width / 3, Math.max(8, longest) + 1);
    }

    /** A timeline from 0 to as many milliseconds as there are columns at {@code width}: 1 ms a column. */
    static Timeline exact(int width, List<Task> tasks, Lane... lanes) {
        return new Timeline(tasks, List.of(lanes), 0, columnsAt(width, List.of(lanes)) * MS, 0);
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }

    /** The marks between the two bars of {@code thread}'s line. */
    static String marksOf(String text, String thread) {
        String line = laneLine(text, thread);
        return line.substring(line.indexOf('│') + 1, line.lastIndexOf('│'));
    }

    static String laneLine(String text, String thread) {
        List<String> found = lines(text).stream()
                .filter(line -> line.indexOf('│') > 0 && line.substring(0, line.indexOf('│')).strip().equals(thread))
                .toList();
        assertThat(found).as("the line of lane %s in%n%s", thread, text).hasSize(1);
        return found.get(0);
    }

    /** The line under {@code thread}'s, if it is its stolen row (blank label, bars), else {@code null}. */
    static String stolenRowUnder(String text, String thread) {
        List<String> all = lines(text);
        int at = all.indexOf(laneLine(text, thread));
        if (at + 1 >= all.size()) {
            return null;
        }
        String next = all.get(at + 1);
        int bar = next.indexOf('│');
        if (bar <= 0 || !next.substring(0, bar).isBlank()) {
            return null;
        }
        return next.substring(bar + 1, next.lastIndexOf('│'));
    }

    /** Marks as they must be: {@code columns} blanks, with {@code runs} written in at their columns. */
    static String expected(int columns, Object... atAndText) {
        char[] marks = new char[columns];
        Arrays.fill(marks, ' ');
        for (int i = 0; i < atAndText.length; i += 2) {
            int at = (Integer) atAndText[i];
            String run = (String) atAndText[i + 1];
            run.getChars(0, run.length(), marks, at);
        }
        return new String(marks);
    }

    /** The letters and marks of the polls, in the order they appear left to right. */
    static String lettersOf(String marks) {
        return marks.replace("-", "").replace(" ", "");
    }

    static void assertFits(String text, int width) {
        assertThat(lines(text)).as("the lines of%n%s", text)
                .allSatisfy(line -> assertThat(line.length()).as("the length of '%s'", line).isLessThanOrEqualTo(width));
    }

    /** The two fixed lines of the key, 88 and 69 characters whatever the width: see {@code Width.keyFitsANarrowWidth}. */
    static final List<String> FIXED_KEY = List.of(
            "a: a poll of task a that returned Pending (- while it runs), A: one that returned Ready,",
            "!: a poll that threw, ?: one still running when the recording stopped");

    /** Every line but the fixed key's fits {@code width}. */
    static void assertFitsButTheKey(String text, int width) {
        assertThat(lines(text)).as("the lines of%n%s", text).filteredOn(line -> !FIXED_KEY.contains(line))
                .allSatisfy(line -> assertThat(line.length()).as("the length of '%s'", line).isLessThanOrEqualTo(width));
    }

    // ------------------------------------------------------------------ the lanes

    @Nested
    @DisplayName("lanes")
    class Lanes {

        @Test
        @DisplayName("one line per lane, in the order the timeline gives them (not sorted by name)")
        void oneLinePerLaneInOrder() {
            Task a = task(1, "counter-1");
            Timeline timeline = exact(100, List.of(a),
                    lane("zeta", poll(a, 1, 2, Outcome.PENDING)),
                    lane("alpha", poll(a, 3, 4, Outcome.PENDING)),
                    lane("mid-worker-7", poll(a, 5, 6, Outcome.READY)));

            String text = TextTimeline.render(timeline, 100);

            List<String> laneLines = lines(text).stream().filter(line -> line.indexOf('│') > 0
                    && !line.substring(0, line.indexOf('│')).isBlank()).toList();
            assertThat(laneLines).extracting(line -> line.substring(0, line.indexOf('│')).strip())
                    .containsExactly("zeta", "alpha", "mid-worker-7");
        }

        @Test
        @DisplayName("the header counts the tasks and threads, and says how long the run took")
        void header() {
            Task a = task(1, "a");
            Task b = task(2, "b");
            Timeline two = exact(100, List.of(a, b), lane("t1", poll(a, 1, 2, Outcome.READY)),
                    lane("t2", poll(b, 1, 2, Outcome.READY)));
            Timeline one = exact(100, List.of(a), lane("t1", poll(a, 1, 2, Outcome.READY)));

            assertThat(lines(TextTimeline.render(two, 100)).get(0)).startsWith("2 tasks polled on 2 threads in 89.0 ms");
            assertThat(lines(TextTimeline.render(one, 100)).get(0)).startsWith("1 task polled on 1 thread in 89.0 ms");
        }

        @Test
        @DisplayName("an empty timeline (nothing polled) still renders: a header, an axis and the key")
        void emptyTimeline() {
            Timeline empty = new Timeline(List.of(), List.of(), 0, 0, 0);

            String text = TextTimeline.render(empty, 100);

            assertThat(lines(text).get(0)).startsWith("0 tasks polled on 0 threads");
            assertThat(text).doesNotContain("│").contains("0 ms");
            assertFits(text, 100);
        }
    }

    // ------------------------------------------------------------------ the marks of the polls

    @Nested
    @DisplayName("the marks of a poll")
    class Marks {

        @Test
        @DisplayName("Pending is the task's lower-case letter, Ready upper-case, ! threw, ? unfinished; the rest of a poll is -")
        void outcomes() {
            Task a = task(1, "a");
            Task b = task(2, "b");
            Task c = task(3, "c");
            Timeline timeline = exact(100, List.of(a, b, c), lane("worker",
                    poll(a, 10, 20, Outcome.PENDING),
                    poll(a, 30, 40, Outcome.READY),
                    poll(b, 50, 55, Outcome.THREW),
                    poll(c, 60, 89, Outcome.UNFINISHED)));

            String marks = marksOf(TextTimeline.render(timeline, 100), "worker");

            assertThat(marks).isEqualTo(expected(89,
                    10, "a---------",
                    30, "A---------",
                    50, "!----",
                    60, "?" + "-".repeat(28))); // to the last column, 88
        }

        @Test
        @DisplayName("a poll shorter than a column still shows its letter, in the column where it starts")
        void shortPoll() {
            Task a = task(1, "a");
            Timeline timeline = new Timeline(List.of(a), List.of(lane("worker",
                    new Poll(a, 42 * MS + 10, 42 * MS + 20, Outcome.READY))), 0, 89 * MS, 0);

            assertThat(marksOf(TextTimeline.render(timeline, 100), "worker")).isEqualTo(expected(89, 42, "A"));
        }

        @Test
        @DisplayName("back-to-back polls of one task stay apart: each starts with its letter")
        void backToBackPollsStayDistinguishable() {
            Task a = task(1, "a");
            Timeline timeline = exact(100, List.of(a), lane("worker",
                    poll(a, 10, 15, Outcome.PENDING),
                    poll(a, 15, 20, Outcome.PENDING),
                    poll(a, 20, 21, Outcome.PENDING),
                    poll(a, 21, 25, Outcome.READY)));

            String marks = marksOf(TextTimeline.render(timeline, 100), "worker");

            assertThat(marks).isEqualTo(expected(89, 10, "a----a----aA---"));
            assertThat(lettersOf(marks)).isEqualTo("aaaA");
        }

        @Test
        @DisplayName("the letters run left to right in the order the polls ran, whatever order the lane lists them in")
        void lettersInTimeOrder() {
            Task a = task(1, "a");
            Task b = task(2, "b");
            Task c = task(3, "c");
            List<Poll> inTime = List.of(
                    poll(c, 2, 7, Outcome.PENDING),
                    poll(a, 7, 12, Outcome.PENDING),
                    poll(b, 12, 30, Outcome.PENDING),
                    poll(a, 31, 33, Outcome.READY),
                    poll(b, 40, 41, Outcome.READY),
                    poll(c, 60, 80, Outcome.READY));
            List<Poll> shuffled = new ArrayList<>(inTime);
            Collections.shuffle(shuffled, new Random(7));
            Timeline timeline = new Timeline(List.of(a, b, c), List.of(new Lane("worker", shuffled)), 0, 89 * MS, 0);

            String marks = marksOf(TextTimeline.render(timeline, 100), "worker");

            assertThat(lettersOf(marks)).isEqualTo("cabABC");
            assertThat(marks.indexOf('c')).isLessThan(marks.indexOf('a'));
            assertThat(marks.indexOf('C')).isEqualTo(60);
        }

        @Test
        @DisplayName("each task has its own letter, from a in spawn order; the letters repeat after z")
        void lettersRepeatAfterZ() {
            List<Task> tasks = IntStream.rangeClosed(1, 30).mapToObj(id -> task(id, "job-" + id)).toList();
            Poll[] polls = IntStream.range(0, 30).mapToObj(i -> poll(tasks.get(i), 2 * i, 2 * i + 1, Outcome.PENDING))
                    .toArray(Poll[]::new);
            Timeline timeline = exact(100, tasks, lane("worker", polls));

            String marks = marksOf(TextTimeline.render(timeline, 100), "worker");

            assertThat(lettersOf(marks)).isEqualTo("abcdefghijklmnopqrstuvwxyzabcd");
        }

        @Test
        @DisplayName("where a Ready poll and a Pending poll start in one column, the Ready one shows")
        void readyOverPending() {
            Task a = task(1, "a");
            Task b = task(2, "b");
            Timeline timeline = new Timeline(List.of(a, b), List.of(lane("worker",
                    new Poll(a, 5 * MS, 5 * MS + 100, Outcome.READY),
                    new Poll(b, 5 * MS + 200, 8 * MS, Outcome.PENDING))), 0, 89 * MS, 0);

            assertThat(marksOf(TextTimeline.render(timeline, 100), "worker")).isEqualTo(expected(89, 5, "A--"));
        }
    }

    // ------------------------------------------------------------------ stolen polls

    @Nested
    @DisplayName("the stolen row")
    class Stolen {

        @Test
        @DisplayName("^ under a high-worker lane exactly in the columns of its poll of a LOW task")
        void lowTaskOnHighWorker() {
            Task high = task(1, "counter-1", "HIGH");
            Task low = task(2, "counter-2", "LOW");
            Timeline timeline = exact(100, List.of(high, low),
                    lane("high-worker-1", poll(high, 5, 10, Outcome.PENDING), poll(low, 20, 30, Outcome.PENDING),
                            poll(high, 40, 50, Outcome.READY)),
                    lane("low-worker-1", poll(low, 5, 15, Outcome.PENDING), poll(low, 35, 36, Outcome.READY)));

            String text = TextTimeline.render(timeline, 100);

            int columns = columnsAt(100, timeline.lanes());
            assertThat(stolenRowUnder(text, "high-worker-1")).isEqualTo(expected(columns, 20, "^^^^^^^^^^"));
            assertThat(stolenRowUnder(text, "low-worker-1")).as("a lane that polled only its own queue's tasks").isNull();
            assertThat(text).contains("^: the thread stole the task from another queue");
        }

        @Test
        @DisplayName("^ under a low-worker lane for its poll of a HIGH task; the queue is matched whatever its case")
        void highTaskOnLowWorker() {
            Task high = task(1, "counter-1", "HIGH");
            Task low = task(2, "counter-2", "low");
            Timeline timeline = exact(100, List.of(high, low),
                    lane("low-worker-2", poll(low, 1, 3, Outcome.PENDING), poll(high, 60, 62, Outcome.READY)));

            String text = TextTimeline.render(timeline, 100);

            assertThat(stolenRowUnder(text, "low-worker-2"))
                    .isEqualTo(expected(columnsAt(100, timeline.lanes()), 60, "^^"));
        }

        @Test
        @DisplayName("no stolen row, and no ^ key, where no thread polled another queue's task")
        void noStolenRowWithoutStealing() {
            Task high = task(1, "counter-1", "HIGH");
            Task unlabelled = task(2, "block-2");
            Task low = task(3, "counter-3", "LOW");
            Timeline timeline = exact(100, List.of(high, unlabelled, low),
                    lane("high-worker-1", poll(high, 1, 5, Outcome.READY), poll(unlabelled, 6, 9, Outcome.READY)),
                    lane("low-worker-1", poll(low, 1, 5, Outcome.READY), poll(unlabelled, 10, 12, Outcome.READY)),
                    lane("main", poll(low, 20, 25, Outcome.READY)));

            String text = TextTimeline.render(timeline, 100);

            assertThat(text).doesNotContain("^");
            assertThat(lines(text)).filteredOn(line -> line.indexOf('│') >= 0 && line.substring(0, line.indexOf('│')).isBlank())
                    .as("rows with a blank label").isEmpty();
        }

        @Test
        @DisplayName("a consumer not named after a queue (queue-worker-1, a pool's worker) steals nothing")
        void otherWorkerNamesStealNothing() {
            Task low = task(1, "counter-1", "LOW");
            Timeline timeline = exact(100, List.of(low),
                    lane("queue-worker-1", poll(low, 1, 5, Outcome.PENDING)),
                    lane("ForkJoinPool.commonPool-worker-1", poll(low, 6, 9, Outcome.READY)));

            String text = TextTimeline.render(timeline, 100);

            assertThat(text).doesNotContain("^");
        }
    }

    // ------------------------------------------------------------------ the legend

    @Nested
    @DisplayName("the legend")
    class Legend {

        @Test
        @DisplayName("names every task with its letter, and its queue where it has one")
        void namesEveryTask() {
            Task a = task(1, "counter-1", "HIGH");
            Task b = task(2, "block-2");
            Task c = task(3, "fetch", "LOW");
            Timeline timeline = exact(100, List.of(a, b, c), lane("w", poll(a, 1, 2, Outcome.READY),
                    poll(b, 3, 4, Outcome.READY), poll(c, 5, 6, Outcome.READY)));

            String text = TextTimeline.render(timeline, 100);

            assertThat(text).contains("a counter-1 (HIGH)", "b block-2", "c fetch (LOW)")
                    .doesNotContain("b block-2 (")
                    .doesNotContain("more tasks");
        }

        @Test
        @DisplayName("past 26 tasks it names the first 26 and says how many more there are")
        void saysHowManyMore() {
            List<Task> tasks = IntStream.rangeClosed(1, 30).mapToObj(id -> task(id, String.format("job-%02d", id))).toList();
            Poll[] polls = IntStream.range(0, 30).mapToObj(i -> poll(tasks.get(i), 2 * i, 2 * i + 1, Outcome.READY))
                    .toArray(Poll[]::new);
            Timeline timeline = exact(100, tasks, lane("worker", polls));

            String text = TextTimeline.render(timeline, 100);

            for (int i = 0; i < 26; i++) {
                assertThat(text).contains((char) ('a' + i) + " " + tasks.get(i).name());
            }
            assertThat(text).doesNotContain("job-27", "job-28", "job-29", "job-30")
                    .contains("... and 4 more tasks");
        }

        @Test
        @DisplayName("says how many events the recording could not keep, only when some were dropped")
        void droppedEvents() {
            Task a = task(1, "a");
            Lane lane = lane("worker", poll(a, 1, 2, Outcome.READY));
            Timeline dropped = new Timeline(List.of(a), List.of(lane), 0, 89 * MS, 1234);
            Timeline complete = new Timeline(List.of(a), List.of(lane), 0, 89 * MS, 0);

            assertThat(lines(TextTimeline.render(dropped, 100))).contains("(1234 more events were not recorded)");
            assertThat(TextTimeline.render(complete, 100)).doesNotContain("were not recorded");
        }

        @Test
        @DisplayName("the axis runs from 0 ms to the run's length, the end aligned with the lanes' right bar")
        void axis() {
            Task a = task(1, "a");
            Timeline timeline = exact(100, List.of(a), lane("worker", poll(a, 1, 2, Outcome.READY)));

            String text = TextTimeline.render(timeline, 100);

            String axis = lines(text).stream().filter(line -> line.strip().startsWith("0 ms")).findFirst().orElseThrow();
            String laneLine = laneLine(text, "worker");
            assertThat(axis.strip()).startsWith("0 ms").endsWith("89.0 ms").contains("44.5 ms");
            assertThat(axis.indexOf("0 ms")).isEqualTo(laneLine.indexOf('│'));
            assertThat(axis.length()).isEqualTo(laneLine.length());
        }
    }

    // ------------------------------------------------------------------ the width

    @Nested
    @DisplayName("the width")
    class Width {

        /** 30 tasks on the queues of stage 4, polled by 4 threads: a busy run. */
        Timeline busy(String... threads) {
            List<Task> tasks = IntStream.rangeClosed(1, 30)
                    .mapToObj(id -> task(id, "counter-" + id, id % 2 == 0 ? "HIGH" : "LOW")).toList();
            List<Lane> lanes = new ArrayList<>();
            for (int t = 0; t < threads.length; t++) {
                List<Poll> polls = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    Outcome outcome = Outcome.values()[(i + t) % 4];
                    polls.add(poll(tasks.get((i + t) % 30), 10 * i, 10 * i + 7, outcome));
                }
                lanes.add(new Lane(threads[t], polls));
            }
            return new Timeline(tasks, lanes, 0, 300 * MS, 17);
        }

        @Test
        @DisplayName("every line of a busy run (30 tasks, 4 threads, stolen polls, dropped events) fits 100 columns")
        void busyRunFitsTheStageWidth() {
            String text = TextTimeline.render(busy("high-worker-1", "high-worker-2", "low-worker-1", "main"), 100);

            assertFits(text, 100);
            assertThat(lines(text)).contains("(17 more events were not recorded)");
            assertThat(text).contains("... and 4 more tasks (letters repeat after z)");
            assertThat(marksOf(text, "high-worker-1")).hasSize(columnsAt(100, busy("high-worker-1").lanes()));
        }

        @Test
        @DisplayName("at a narrow 60 columns, the lanes, stolen rows, axis and legend of a busy run fit")
        void busyRunFitsANarrowWidth() {
            String text = TextTimeline.render(busy("high-worker-1", "high-worker-2", "low-worker-1", "main"), 60);

            assertFitsButTheKey(text, 60);
            assertThat(marksOf(text, "high-worker-1")).hasSize(60 - 14 - 2);
            assertThat(stolenRowUnder(text, "high-worker-1")).contains("^");
        }

        @Test
        @DisplayName("at a narrow 60 columns, the key fits too")
        void keyFitsANarrowWidth() {
            assertFits(TextTimeline.render(busy("high-worker-1", "low-worker-1"), 60), 60);
        }

        @ParameterizedTest(name = "width {0}")
        @ValueSource(ints = {100, 60})
        @DisplayName("a thread name longer than the line is cut to a third of it, and the lines still fit")
        void longThreadNamesFit(int width) {
            String longName = "a-consumer-thread-with-a-name-long-enough-to-fill-a-line-on-its-own-and-then-some-more-"
                    + "characters-worker-1";
            String text = TextTimeline.render(busy(longName, "low-worker-1"), width);

            assertFitsButTheKey(text, width);
            String cut = longName.substring(0, width / 3);
            assertThat(lines(text)).anySatisfy(line -> assertThat(line).startsWith(cut + "│"));
            assertThat(laneLine(text, "low-worker-1")).hasSize(width);
            assertThat(stolenRowUnder(text, "low-worker-1")).as("the lanes are still drawn").contains("^");
            String axis = lines(text).stream().filter(line -> line.strip().startsWith("0 ms")).findFirst().orElseThrow();
            assertThat(axis.strip()).as("the axis labels stay apart").startsWith("0 ms ").contains(" 150 ms ")
                    .endsWith(" 300 ms");
        }

        @ParameterizedTest(name = "width {0}")
        @ValueSource(ints = {100, 60})
        @DisplayName("every line fits the width even with a task name longer than the width")
        void longTaskNamesFit(int width) {
            Task a = task(1, "x".repeat(150), "HIGH");
            Timeline timeline = exact(100, List.of(a), lane("worker", poll(a, 1, 2, Outcome.READY)));

            assertFits(TextTimeline.render(timeline, width), width);
        }
    }
}
