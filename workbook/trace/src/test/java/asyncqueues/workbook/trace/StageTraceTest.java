package asyncqueues.workbook.trace;

import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.step06.TracedConsumers;
import asyncqueues.task.Trace;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code --trace=run.svg} on each stage's program, the reference code, in this JVM: the program's
 * {@code Main.main} with {@code --fast}, between {@link TracedRun#startIfAsked} and
 * {@link TracedRun#finish}, as the jbang launcher runs it.
 *
 * <p>A stage's {@code Main} starts the stage's static runtime, once per JVM; each stage has a
 * package of its own, so one JVM runs all seven, each once: one test per stage, none run twice.
 * Stage 6 goes after the chapter's other stages: its program sets the system properties
 * {@code HIGH_NUM} and {@code LOW_NUM} (which stage 5 would read too; both are restored after each
 * test anyway) and leaves its background process running on its consumers after {@code main}
 * returns, which the test then stops ({@link TracedConsumers}). Stage 7, which reads neither
 * property, comes last.
 *
 * <p>What each program prints is captured with the thread that printed it: every poll of these
 * programs' futures prints (a counter's "polling with result", an async fn's "async fn", the
 * background process's "background process firing"), so the threads that printed are the
 * threads that polled, a witness independent of the trace.
 */
@DisplayName("--trace on each stage's program (the reference code), end to end")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD) // Futures.blockOn ignores interrupts
class StageTraceTest {

    private static final Pattern CONSUMER = Pattern.compile("(queue|high|low)-worker-\\d+");
    private static final Pattern POLL_LINE = Pattern.compile("polling with result: \\d+|async fn|background process firing");

    @TempDir
    Path dir;

    private final String highNum = System.getProperty("HIGH_NUM");
    private final String lowNum = System.getProperty("LOW_NUM");

    @AfterEach
    void cleanUp() {
        if (Trace.isRecording()) {
            Trace.stop(); // a program that failed before finish(): let the next stage record
        }
        restore("HIGH_NUM", highNum);
        restore("LOW_NUM", lowNum);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    @FunctionalInterface
    interface StageMain {
        void main(String[] args) throws Exception;
    }

    /** A line the program printed, and the thread that printed it. */
    record Printed(String thread, String line) {}

    /**
     * What a traced run gave: the text timeline (without the line naming the picture), the
     * picture parsed, and the program's printout.
     */
    record Run(String text, Document svg, List<Printed> printed) {

        List<Element> lanes() {
            return SvgTimelineTest.lanes(svg);
        }

        List<String> laneThreads() {
            return lanes().stream().map(lane -> lane.getAttribute("data-thread")).toList();
        }

        /** Each lane's polls, by task name, left to right. */
        Map<String, List<String>> pollsByLane() {
            Map<String, List<String>> polls = new LinkedHashMap<>();
            for (Element lane : lanes()) {
                polls.put(lane.getAttribute("data-thread"), SvgTimelineTest.polls(lane).stream()
                        .map(poll -> poll.getAttribute("data-task")).toList());
            }
            return polls;
        }

        /** The tasks of the legend, by name, with their queue (or {@code null}), in spawn order. */
        Map<String, String> queues() {
            Map<String, String> queues = new LinkedHashMap<>();
            Pattern queue = Pattern.compile(".* \\((\\w+)\\)");
            for (Element task : SvgTimelineTest.withClass(svg, "g", "legend-task")) {
                Matcher label = queue.matcher(task.getTextContent());
                queues.put(task.getAttribute("data-task"), label.matches() ? label.group(1) : null);
            }
            return queues;
        }

        Set<String> threadsThatPrintedAPoll() {
            Set<String> threads = new LinkedHashSet<>();
            printed.stream().filter(p -> POLL_LINE.matcher(p.line()).matches()).forEach(p -> threads.add(p.thread()));
            return threads;
        }

        long printed(String prefix) {
            return printed.stream().filter(p -> p.line().startsWith(prefix)).count();
        }

        long pollsOf(String taskPrefix) {
            return SvgTimelineTest.polls(svg).stream()
                    .filter(poll -> poll.getAttribute("data-task").startsWith(taskPrefix)).count();
        }
    }

    /** Captures each line printed, with its thread; writes nothing anywhere. */
    private static final class Capture extends PrintStream {
        final ConcurrentLinkedQueue<Printed> lines = new ConcurrentLinkedQueue<>();

        Capture() {
            super(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        }

        @Override
        public void println(String line) {
            lines.add(new Printed(Thread.currentThread().getName(), line));
        }

        @Override
        public void println(Object value) {
            println(String.valueOf(value));
        }
    }

    /** Runs {@code main} traced, as {@code ./jbang stepNN --fast --trace=run.svg} does, and checks what every stage must give. */
    private Run traced(String title, StageMain main) throws Exception {
        Path picture = dir.resolve("run.svg");
        String[] args = {"--fast", "--trace=" + picture};
        String[] programArgs = TracedRun.programArguments(args);
        assertThat(programArgs).containsExactly("--fast");

        TracedRun run = TracedRun.startIfAsked(args, title);
        assertThat(run).as("the run asked for a trace").isNotNull();
        assertThat(Trace.isRecording()).isTrue();
        PrintStream out = System.out;
        Capture capture = new Capture();
        List<Printed> printed;
        String text;
        try {
            System.setOut(capture);
            main.main(programArgs);
        } finally {
            System.setOut(out);
            printed = List.copyOf(capture.lines); // before the recording stops: each of these polls was recorded
            text = run.finish();
        }
        assertThat(Trace.isRecording()).isFalse();

        String pictureLine = "The picture: " + picture.toAbsolutePath() + " (open it in a browser)";
        assertThat(text.lines()).last().isEqualTo(pictureLine);
        String timeline = text.substring(0, text.lastIndexOf(pictureLine));
        // The line naming the picture is as long as the path is; the timeline is what must fit.
        assertThat(timeline.lines()).as("the text timeline of %s:%n%s", title, timeline)
                .allSatisfy(line -> assertThat(line.length()).as("the length of '%s'", line)
                        .isLessThanOrEqualTo(TracedRun.COLUMNS));

        Document svg = SvgTimelineTest.parse(Files.readString(picture, StandardCharsets.UTF_8));
        assertThat(SvgTimelineTest.elements(svg, "title").get(0).getTextContent()).isEqualTo(title);
        Run traced = new Run(timeline, svg, printed);

        assertThat(traced.laneThreads()).as("one lane per consumer thread that polled")
                .isNotEmpty().doesNotHaveDuplicates()
                .allSatisfy(thread -> assertThat(thread).matches(CONSUMER))
                .containsAll(traced.threadsThatPrintedAPoll());
        assertThat(traced.pollsByLane()).allSatisfy((thread, polls) -> assertThat(polls).as(thread).isNotEmpty());
        for (String thread : traced.laneThreads()) {
            assertThat(TextTimelineTest.laneLine(timeline, thread)).as("%s's line in the text", thread).isNotNull();
        }
        assertThat(traced.pollsOf("counter-")).as("the counters' polls, one per 'polling with result' printed")
                .isEqualTo(traced.printed("polling with result"))
                .isEqualTo(6);
        assertThat(timeline).doesNotContain("were not recorded");
        return traced;
    }

    /** For a program that has nothing left running when {@code main} returns: the lanes are exactly the threads that printed. */
    private static void lanesAreThePollers(Run run) {
        assertThat(run.laneThreads()).containsExactlyInAnyOrderElementsOf(run.threadsThatPrintedAPoll());
    }

    private static void nothingStolen(Run run) {
        assertThat(SvgTimelineTest.withClass(run.svg(), "rect", "stolen")).isEmpty();
        assertThat(SvgTimelineTest.withClass(run.svg(), "path", "stolen-mark")).isEmpty();
        assertThat(run.text()).doesNotContain("^");
    }

    @Test
    @Order(1)
    @DisplayName("stage 1: one lane, queue-worker-1, on which a counter runs before the block and again after it")
    void stageOne() throws Exception {
        Run run = traced("Stage 1", asyncqueues.step01.Main::main);

        lanesAreThePollers(run);
        assertThat(run.laneThreads()).containsExactly("queue-worker-1");
        assertThat(run.queues()).containsOnlyKeys("counter-1", "counter-2", "block-3");
        List<String> polls = run.pollsByLane().get("queue-worker-1");
        assertThat(polls).containsOnly("counter-1", "counter-2", "block-3");
        int block = polls.indexOf("block-3");
        assertThat(polls.subList(0, block)).as("polled before the block").contains("counter-1", "counter-2");
        assertThat(polls.subList(block + 1, polls.size())).as("polled after the block").contains("counter-1", "counter-2");
        assertThat(polls).filteredOn("block-3"::equals).as("the block runs its four async fns in one poll").hasSize(1);

        // The text shows the same polls, in the same order: a counter-1, b counter-2, c block-3.
        String letters = TextTimelineTest.lettersOf(TextTimelineTest.marksOf(run.text(), "queue-worker-1"));
        String expected = String.join("", polls.stream().map(task -> switch (task) {
            case "counter-1" -> "a";
            case "counter-2" -> "b";
            default -> "c";
        }).toList());
        assertThat(letters.toLowerCase()).isEqualTo(expected);
        assertThat(run.text()).contains("a counter-1   b counter-2   c block-3");
        nothingStolen(run);
    }

    @Test
    @Order(2)
    @DisplayName("stage 2: the three tasks on the queue's consumers, queue-worker-1 to 3, nothing stolen")
    void stageTwo() throws Exception {
        Run run = traced("Stage 2", asyncqueues.step02.Main::main);

        lanesAreThePollers(run);
        assertThat(run.laneThreads()).allSatisfy(thread -> assertThat(thread).isIn("queue-worker-1", "queue-worker-2",
                "queue-worker-3"));
        assertThat(run.queues()).containsOnlyKeys("counter-1", "counter-2", "block-3");
        assertThat(run.queues().values()).as("stage 2 has one queue: no task has a queue label").containsOnlyNulls();
        nothingStolen(run);
    }

    @Test
    @Order(3)
    @DisplayName("stage 3: the HIGH counter only on high-worker lanes, both LOW tasks only on low-worker-1: nothing stolen")
    void stageThree() throws Exception {
        Run run = traced("Stage 3", asyncqueues.step03.Main::main);

        lanesAreThePollers(run);
        assertThat(run.queues()).containsExactly(Map.entry("counter-1", "HIGH"), Map.entry("counter-2", "LOW"),
                Map.entry("block-3", "LOW"));
        assertThat(run.laneThreads()).contains("low-worker-1").allSatisfy(thread -> assertThat(thread)
                .isIn("high-worker-1", "high-worker-2", "low-worker-1"));
        run.pollsByLane().forEach((thread, polls) -> assertThat(polls).as(thread)
                .allSatisfy(task -> assertThat(thread).startsWith(run.queues().get(task).toLowerCase() + "-worker-")));
        nothingStolen(run);
    }

    @Test
    @Order(4)
    @DisplayName("stage 4: a HIGH consumer steals LOW work: marked stolen in the SVG, and ^ under its lane in the text")
    void stageFour() throws Exception {
        Run run = traced("Stage 4", asyncqueues.step04.Main::main);

        lanesAreThePollers(run);
        assertThat(run.queues()).containsExactly(Map.entry("counter-1", "HIGH"), Map.entry("counter-2", "LOW"),
                Map.entry("block-3", "LOW"));
        stolenPollsAreMarked(run);
    }

    /**
     * Each poll by a consumer of the other queue than its task's is marked stolen, in the SVG and
     * by {@code ^} under its lane in the text, and no other is; and a HIGH consumer stole.
     */
    private static void stolenPollsAreMarked(Run run) {
        Map<String, String> queues = run.queues();
        List<Element> stolen = new ArrayList<>();
        Set<String> stealers = new LinkedHashSet<>();
        for (Element lane : run.lanes()) {
            String thread = lane.getAttribute("data-thread");
            for (Element poll : SvgTimelineTest.polls(lane)) {
                boolean own = thread.startsWith(queues.get(poll.getAttribute("data-task")).toLowerCase() + "-worker-");
                assertThat(SvgTimelineTest.classes(poll).contains("stolen"))
                        .as("%s's poll of %s is marked stolen", thread, poll.getAttribute("data-task")).isEqualTo(!own);
                if (!own) {
                    stolen.add(poll);
                    stealers.add(thread);
                }
            }
            assertThat(SvgTimelineTest.withClass(lane, "path", "stolen-mark")).as("%s's stolen marks", thread)
                    .hasSize((int) SvgTimelineTest.polls(lane).stream()
                            .filter(poll -> SvgTimelineTest.classes(poll).contains("stolen")).count());
        }
        assertThat(stolen).as("polls a consumer stole from the other queue").isNotEmpty();
        assertThat(stealers).as("the threads that stole").anySatisfy(thread -> assertThat(thread).startsWith("high-worker-"));
        for (String thread : run.laneThreads()) {
            String row = TextTimelineTest.stolenRowUnder(run.text(), thread);
            if (stealers.contains(thread)) {
                assertThat(row).as("the stolen row under %s", thread).isNotNull().contains("^").matches("[ ^]+");
            } else {
                assertThat(row).as("the stolen row under %s", thread).isNull();
            }
        }
        assertThat(run.text()).contains("^: the thread stole the task from another queue");
    }

    @Test
    @Order(5)
    @DisplayName("stage 5: the runtime's two start-up tasks, then the program's four, on high-worker and low-worker lanes")
    void stageFive() throws Exception {
        Run run = traced("Stage 5", asyncqueues.step05.Main::main);

        // run() starts both queues with an empty task each, which prints nothing: so a lane may
        // have polled only one of those, and the lanes include the threads that printed, no more.
        assertThat(run.queues()).containsOnlyKeys("async-1", "async-2", "counter-3", "counter-4", "async-5", "block-6");
        assertThat(run.laneThreads()).allSatisfy(thread -> assertThat(thread).matches("(high|low)-worker-\\d+"));
    }

    @Test
    @Order(6)
    @DisplayName("stage 6: the background process polled beside the other work; stopped once the program is done")
    void stageSix() throws Exception {
        // The program returns while its background process runs on; here nothing else ends it.
        TracedConsumers.keep();
        Run run;
        try {
            run = traced("Stage 6", asyncqueues.step06.Main::main);
        } finally {
            assertThat(TracedConsumers.stop(Duration.ofSeconds(5))).as("consumers still running after the interrupt")
                    .isEmpty();
        }

        assertThat(TracedConsumers.started()).hasSize(6);
        assertThat(run.queues()).containsOnlyKeys("async-1", "async-2", "backgroundProcess-3", "counter-4", "counter-5",
                "async-6");
        // Each poll that printed before the recording stopped was recorded; one more may have
        // started between the copy of the printout and the stop.
        long firings = run.printed("background process firing");
        assertThat(firings).isPositive();
        assertThat(run.pollsOf("backgroundProcess-3")).as("the background process's polls").isBetween(firings, firings + 1);
        assertThat(run.laneThreads()).allSatisfy(thread -> assertThat(thread)
                .isIn("high-worker-1", "high-worker-2", "high-worker-3", "high-worker-4", "low-worker-1", "low-worker-2"));
    }

    @Test
    @Order(7)
    @DisplayName("stage 7: stage 4's program on parked consumers, stolen polls marked, then the task that times a"
            + " first poll")
    void stageSeven() throws Exception {
        Run run = traced("Stage 7", asyncqueues.step07.Main::main);

        // The chapter's three tasks, then the one that times a first poll (an async fn, on HIGH).
        assertThat(run.queues()).containsExactly(Map.entry("counter-1", "HIGH"), Map.entry("counter-2", "LOW"),
                Map.entry("block-3", "LOW"), Map.entry("async-4", "HIGH"));
        assertThat(run.laneThreads()).allSatisfy(thread -> assertThat(thread)
                .isIn("high-worker-1", "high-worker-2", "low-worker-1"));
        stolenPollsAreMarked(run);
        assertThat(run.printed("idle for 50 ms: ")).isEqualTo(1);
    }
}
