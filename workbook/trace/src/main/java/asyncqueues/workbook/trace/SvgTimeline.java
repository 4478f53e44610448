package asyncqueues.workbook.trace;

import java.util.List;
import java.util.Locale;

/**
 * A timeline drawn as a self-contained SVG picture, which any browser opens: one lane per thread
 * that polled, a bar per poll in its task's colour (pale for a poll that returned Pending, full for
 * Ready, red for one that threw; polls are parted by a thin white line), a red outline and mark
 * on each poll that a thread stole from another queue, a time axis in milliseconds, and a legend of the tasks.
 */
public final class SvgTimeline {

    private static final int WIDTH = 1000;
    private static final int LEFT = 150;
    private static final int RIGHT = 30;
    private static final int TOP = 48;
    private static final int LANE = 34;
    private static final int BAR = 20;
    private static final int LEGEND_ROW = 22;
    private static final int LEGEND_TASKS = 24;

    /** Colours a person can tell apart (Okabe and Ito's palette, and more), one per task in turn. */
    private static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
            "#D55E00", "#F0E442", "#000000", "#8C564B", "#7F7F7F", "#17BECF", "#BCBD22");

    private SvgTimeline() {}

    /** {@code timeline} as an SVG document. */
    public static String render(Timeline timeline, String title) {
        int plot = WIDTH - LEFT - RIGHT;
        double span = Math.max(1, timeline.end() - timeline.start());
        int legendRows = (Math.min(timeline.tasks().size(), LEGEND_TASKS) + 2) / 3 + 1;
        int height = TOP + timeline.lanes().size() * LANE + 40 + legendRows * LEGEND_ROW + 20;
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\">%n", WIDTH, height, WIDTH, height));
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        int y = TOP;
        for (Timeline.Lane lane : timeline.lanes()) {
            svg.append(String.format(Locale.ROOT, "<g class=\"lane\" data-thread=\"%s\">%n", escape(lane.thread())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 10, y + BAR / 2 + 5, escape(lane.thread())));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    LEFT, y + BAR / 2, LEFT + plot, y + BAR / 2));
            for (Timeline.Poll poll : lane.polls()) {
                double x = LEFT + plot * (poll.start() - timeline.start()) / span;
                double w = Math.max(1.5, plot * (poll.end() - poll.start()) / span);
                boolean stolen = poll.stolenBy(lane.thread());
                svg.append(String.format(Locale.ROOT, "<rect class=\"poll %s%s\" data-task=\"%s\" x=\"%.1f\" y=\"%d\""
                                + " width=\"%.1f\" height=\"%d\" fill=\"%s\" fill-opacity=\"%s\"%s>"
                                + "<title>%s: %s, %s%s</title></rect>%n",
                        poll.outcome().name().toLowerCase(Locale.ROOT), stolen ? " stolen" : "",
                        escape(poll.task().name()), x, y, w, BAR, fill(poll, timeline),
                        poll.outcome() == Timeline.Outcome.PENDING ? "0.45" : "1",
                        poll.outcome() == Timeline.Outcome.THREW || stolen ? " stroke=\"#c00\" stroke-width=\"2\""
                                : " stroke=\"white\" stroke-width=\"1\"",
                        escape(poll.task().name()), poll.outcome().name().toLowerCase(Locale.ROOT),
                        TextTimeline.millis(poll.end() - poll.start()), stolen ? ", stolen" : ""));
                if (stolen) {
                    double mid = x + w / 2;
                    svg.append(String.format(Locale.ROOT, "<path class=\"stolen-mark\" d=\"M%.1f %d l-5 8 h10 z\""
                            + " fill=\"#c00\"/>%n", mid, y + 1));
                }
            }
            svg.append("</g>\n");
            y += LANE;
        }
        axis(svg, timeline, y, plot, span);
        legend(svg, timeline, y + 40);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String fill(Timeline.Poll poll, Timeline timeline) {
        return poll.outcome() == Timeline.Outcome.THREW ? "#c00" : colourOf(poll.task(), timeline);
    }

    private static String colourOf(Timeline.Task task, Timeline timeline) {
        return COLOURS.get(timeline.tasks().indexOf(task) % COLOURS.size());
    }

    /** The axis, with a tick every 1, 2 or 5 times a power of ten milliseconds, 4 to 10 of them. */
    private static void axis(StringBuilder svg, Timeline timeline, int y, int plot, double span) {
        svg.append("<g class=\"axis\">\n");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, y, LEFT + plot, y));
        double millis = span / 1e6;
        double step = Math.pow(10, Math.floor(Math.log10(millis / 4)));
        for (double multiple : new double[] {1, 2, 5, 10}) {
            if (millis / (step * multiple) <= 10) {
                step *= multiple;
                break;
            }
        }
        for (double at = 0; at <= millis + 1e-9; at += step) {
            double x = LEFT + plot * at / millis;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%s ms</text>%n",
                    x, y, x, y + 5, x, y + 18, step >= 1 ? String.format(Locale.ROOT, "%.0f", at)
                            : String.format(Locale.ROOT, "%.2f", at)));
        }
        svg.append("</g>\n");
    }

    private static void legend(StringBuilder svg, Timeline timeline, int y) {
        svg.append("<g class=\"legend\">\n");
        List<Timeline.Task> shown = timeline.tasks().stream().limit(LEGEND_TASKS).toList();
        int column = (WIDTH - LEFT) / 3;
        for (int i = 0; i < shown.size(); i++) {
            Timeline.Task task = shown.get(i);
            int x = LEFT + (i % 3) * column;
            int row = y + (i / 3) * LEGEND_ROW;
            svg.append(String.format(Locale.ROOT, "<g class=\"legend-task\" data-task=\"%s\"><rect x=\"%d\" y=\"%d\""
                            + " width=\"14\" height=\"14\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text></g>%n",
                    escape(task.name()), x, row, colourOf(task, timeline), x + 20, row + 12,
                    escape(task.name() + (task.queue() == null ? "" : " (" + task.queue() + ")"))));
        }
        int notes = y + ((shown.size() + 2) / 3) * LEGEND_ROW;
        String more = timeline.tasks().size() > LEGEND_TASKS
                ? " ... and " + (timeline.tasks().size() - LEGEND_TASKS) + " more tasks." : "";
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#333\">Pale: a poll that"
                        + " returned Pending. Full: Ready. Red: threw. Outlined in red, with a red mark: a poll the thread"
                        + " stole from another queue.%s</text>%n", LEFT, notes + 12, escape(more)));
        svg.append("</g>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
