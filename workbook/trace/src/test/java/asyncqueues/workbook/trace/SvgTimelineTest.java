package asyncqueues.workbook.trace;

import static asyncqueues.workbook.trace.TextTimelineTest.MS;
import static asyncqueues.workbook.trace.TextTimelineTest.lane;
import static asyncqueues.workbook.trace.TextTimelineTest.poll;
import static asyncqueues.workbook.trace.TextTimelineTest.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import asyncqueues.workbook.trace.Timeline.Lane;
import asyncqueues.workbook.trace.Timeline.Outcome;
import asyncqueues.workbook.trace.Timeline.Poll;
import asyncqueues.workbook.trace.Timeline.Task;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** The SVG picture, parsed as XML: its lanes, poll bars, stolen marks, axis and legend. */
@DisplayName("SvgTimeline.render")
@Timeout(10)
class SvgTimelineTest {

    static final String SVG = "http://www.w3.org/2000/svg";

    /** Parses {@code svg} strictly (a warning or error fails too), as a namespace-aware parser. */
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        Document document = builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(SVG);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        return document;
    }

    /** The SVG elements named {@code name} under {@code root}, in document order. */
    static List<Element> elements(Node root, String name) {
        NodeList found = root instanceof Document document
                ? document.getElementsByTagNameNS(SVG, name) : ((Element) root).getElementsByTagNameNS(SVG, name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            list.add((Element) found.item(i));
        }
        return list;
    }

    /** The elements named {@code name} whose class attribute has the word {@code word}. */
    static List<Element> withClass(Node root, String name, String word) {
        return elements(root, name).stream().filter(element -> classes(element).contains(word)).toList();
    }

    static List<String> classes(Element element) {
        return Arrays.asList(element.getAttribute("class").trim().split("\\s+"));
    }

    static List<Element> lanes(Document svg) {
        return withClass(svg, "g", "lane");
    }

    static List<Element> polls(Node root) {
        return withClass(root, "rect", "poll");
    }

    /** The text directly in {@code element}'s own {@code text} child (the lane's label). */
    static String ownText(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element text && text.getLocalName().equals("text")) {
                return text.getTextContent();
            }
        }
        return null;
    }

    /** Stage 4's picture: HIGH and LOW counters and a LOW block, one poll of each outcome, a stolen poll. */
    static Timeline stageFourLike() {
        Task one = task(1, "counter-1", "HIGH");
        Task two = task(2, "counter-2", "LOW");
        Task three = task(3, "block-3", "LOW");
        return new Timeline(List.of(one, two, three), List.of(
                lane("low-worker-1", poll(two, 10, 60, Outcome.PENDING), poll(two, 60, 110, Outcome.READY)),
                lane("high-worker-2", poll(one, 20, 70, Outcome.PENDING), poll(one, 70, 120, Outcome.THREW),
                        poll(two, 130, 140, Outcome.READY)),
                lane("high-worker-1", poll(three, 20, 220, Outcome.UNFINISHED))),
                0, 230 * MS, 0);
    }

    @Test
    @DisplayName("is well-formed SVG: one lane group per thread, in order, each with its thread's name")
    void lanesInOrder() throws Exception {
        Document svg = parse(SvgTimeline.render(stageFourLike(), "Stage 4"));

        assertThat(lanes(svg)).extracting(lane -> lane.getAttribute("data-thread"))
                .containsExactly("low-worker-1", "high-worker-2", "high-worker-1");
        assertThat(lanes(svg)).extracting(SvgTimelineTest::ownText)
                .containsExactly("low-worker-1", "high-worker-2", "high-worker-1");
        assertThat(elements(svg, "title").get(0).getTextContent()).isEqualTo("Stage 4");
    }

    @Test
    @DisplayName("a bar per poll, in its lane, classed by outcome and naming its task, left to right in time")
    void aBarPerPoll() throws Exception {
        Timeline timeline = stageFourLike();
        Document svg = parse(SvgTimeline.render(timeline, "Stage 4"));

        assertThat(polls(svg)).hasSize(6);
        for (int l = 0; l < timeline.lanes().size(); l++) {
            Lane lane = timeline.lanes().get(l);
            List<Element> bars = polls(lanes(svg).get(l));
            assertThat(bars).as("the bars of %s", lane.thread()).hasSameSizeAs(lane.polls());
            for (int p = 0; p < bars.size(); p++) {
                Poll poll = lane.polls().get(p);
                Element bar = bars.get(p);
                assertThat(bar.getAttribute("data-task")).isEqualTo(poll.task().name());
                assertThat(classes(bar)).contains(poll.outcome().name().toLowerCase(java.util.Locale.ROOT));
                assertThat(classes(bar)).as("one outcome per bar")
                        .containsAnyOf("pending", "ready", "threw", "unfinished")
                        .filteredOn(word -> List.of("pending", "ready", "threw", "unfinished").contains(word)).hasSize(1);
                if (p > 0) {
                    assertThat(Double.parseDouble(bar.getAttribute("x")))
                            .isGreaterThan(Double.parseDouble(bars.get(p - 1).getAttribute("x")));
                }
                assertThat(Double.parseDouble(bar.getAttribute("width"))).isPositive();
            }
        }
        assertThat(withClass(svg, "rect", "threw")).singleElement()
                .satisfies(bar -> assertThat(bar.getAttribute("data-task")).isEqualTo("counter-1"));
        assertThat(withClass(svg, "rect", "unfinished")).singleElement()
                .satisfies(bar -> assertThat(bar.getAttribute("data-task")).isEqualTo("block-3"));
    }

    @Test
    @DisplayName("the polls a thread stole from another queue, and only those, are classed stolen and carry a stolen-mark")
    void stolenPolls() throws Exception {
        Document svg = parse(SvgTimeline.render(stageFourLike(), "Stage 4"));

        // high-worker-2's poll of counter-2 (LOW), and high-worker-1's of block-3 (LOW).
        assertThat(withClass(svg, "rect", "stolen")).extracting(bar -> bar.getAttribute("data-task"))
                .containsExactly("counter-2", "block-3");
        assertThat(withClass(svg, "rect", "stolen")).allSatisfy(bar -> assertThat(classes(bar)).contains("poll"));
        assertThat(withClass(svg, "path", "stolen-mark")).hasSize(2);
        List<Element> lanes = lanes(svg);
        assertThat(withClass(lanes.get(0), "path", "stolen-mark")).as("low-worker-1 stole nothing").isEmpty();
        assertThat(withClass(lanes.get(0), "rect", "stolen")).isEmpty();
        assertThat(withClass(lanes.get(1), "path", "stolen-mark")).hasSize(1);
        assertThat(withClass(lanes.get(2), "path", "stolen-mark")).hasSize(1);
    }

    @Test
    @DisplayName("no stolen class and no stolen-mark where nothing was stolen")
    void nothingStolen() throws Exception {
        Task high = task(1, "counter-1", "HIGH");
        Task plain = task(2, "block-2");
        Timeline timeline = new Timeline(List.of(high, plain), List.of(
                lane("high-worker-1", poll(high, 0, 10, Outcome.READY), poll(plain, 10, 20, Outcome.READY)),
                lane("queue-worker-1", poll(plain, 0, 5, Outcome.PENDING))), 0, 20 * MS, 0);

        Document svg = parse(SvgTimeline.render(timeline, "t"));

        assertThat(polls(svg)).hasSize(3);
        assertThat(withClass(svg, "rect", "stolen")).isEmpty();
        assertThat(withClass(svg, "path", "stolen-mark")).isEmpty();
    }

    @Test
    @DisplayName("a legend-task group per task, with its name and queue; past 24 tasks the rest are counted")
    void legend() throws Exception {
        Document few = parse(SvgTimeline.render(stageFourLike(), "t"));
        assertThat(withClass(few, "g", "legend-task")).extracting(g -> g.getAttribute("data-task"))
                .containsExactly("counter-1", "counter-2", "block-3");
        assertThat(withClass(few, "g", "legend-task")).extracting(Element::getTextContent)
                .containsExactly("counter-1 (HIGH)", "counter-2 (LOW)", "block-3 (LOW)");
        assertThat(withClass(few, "g", "legend").get(0).getTextContent()).doesNotContain("more tasks");

        List<Task> tasks = IntStream.rangeClosed(1, 30).mapToObj(id -> task(id, "job-" + id)).toList();
        Poll[] polls = tasks.stream().map(t -> poll(t, t.id(), t.id() + 1, Outcome.READY)).toArray(Poll[]::new);
        Document many = parse(SvgTimeline.render(new Timeline(tasks, List.of(lane("w", polls)), 0, 40 * MS, 0), "t"));

        assertThat(withClass(many, "g", "legend-task")).extracting(g -> g.getAttribute("data-task"))
                .containsExactlyElementsOf(tasks.subList(0, 24).stream().map(Task::name).toList());
        assertThat(withClass(many, "g", "legend").get(0).getTextContent()).contains("... and 6 more tasks.");
        assertThat(polls(many)).hasSize(30);
    }

    @Test
    @DisplayName("an axis group labelled in ms, from 0 ms up to at most the run's length, 5 to 11 ticks")
    void axis() throws Exception {
        for (long millis : new long[] {230, 7, 1, 60_000}) {
            Task a = task(1, "a");
            Timeline timeline = new Timeline(List.of(a), List.of(lane("w", poll(a, 0, 1, Outcome.READY))), 0,
                    millis * MS, 0);
            Document svg = parse(SvgTimeline.render(timeline, "t"));

            List<Element> axes = withClass(svg, "g", "axis");
            assertThat(axes).hasSize(1);
            List<String> labels = elements(axes.get(0), "text").stream().map(Element::getTextContent).toList();
            assertThat(labels).as("the axis of a %d ms run", millis).hasSizeBetween(5, 11)
                    .allSatisfy(label -> assertThat(label).matches("\\d+(\\.\\d+)? ms"))
                    .first().isIn("0 ms", "0.00 ms");
            List<Double> values = labels.stream().map(label -> Double.parseDouble(label.replace(" ms", ""))).toList();
            assertThat(values).as("the ticks of a %d ms run", millis).isSorted().doesNotHaveDuplicates();
            assertThat(values.get(values.size() - 1)).isLessThanOrEqualTo(millis);
        }
    }

    @Test
    @DisplayName("names with <, &, \" and > are escaped: the picture parses, and gives the names back as they were")
    void escapesNames() throws Exception {
        String thread = "pool<1>&\"x\"-worker";
        String name = "fetch <a & \"b\"> 'c'";
        String title = "Run <1> & \"all\"";
        Task task = task(1, name, "Q&<\"");
        Timeline timeline = new Timeline(List.of(task), List.of(lane(thread, poll(task, 1, 2, Outcome.READY))),
                0, 10 * MS, 0);

        String rendered = SvgTimeline.render(timeline, title);
        Document svg = parse(rendered);

        assertThat(elements(svg, "title").get(0).getTextContent()).isEqualTo(title);
        assertThat(lanes(svg)).singleElement().satisfies(lane -> {
            assertThat(lane.getAttribute("data-thread")).isEqualTo(thread);
            assertThat(ownText(lane)).isEqualTo(thread);
        });
        assertThat(polls(svg)).singleElement().satisfies(bar -> {
            assertThat(bar.getAttribute("data-task")).isEqualTo(name);
            assertThat(bar.getTextContent()).startsWith(name + ": ready");
        });
        assertThat(withClass(svg, "g", "legend-task")).singleElement().satisfies(g -> {
            assertThat(g.getAttribute("data-task")).isEqualTo(name);
            assertThat(g.getTextContent()).isEqualTo(name + " (Q&<\")");
        });
    }

    @Test
    @DisplayName("an empty timeline, and one that lasted no time at all, still give a well-formed picture")
    void degenerateTimelines() {
        Task a = task(1, "a");
        Timeline instant = new Timeline(List.of(a), List.of(lane("w", new Poll(a, 5, 5, Outcome.READY))), 5, 5, 3);

        assertThatCode(() -> parse(SvgTimeline.render(new Timeline(List.of(), List.of(), 0, 0, 0), "empty")))
                .doesNotThrowAnyException();
        assertThatCode(() -> assertThat(polls(parse(SvgTimeline.render(instant, "instant")))).hasSize(1))
                .doesNotThrowAnyException();
    }
}
