package asyncqueues.workbook.trace;

import asyncqueues.task.Future;
import asyncqueues.task.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stage program's run, traced: {@code --trace} prints the timeline after the run, and
 * {@code --trace=run.svg} also writes it as a picture. The stage's own code is not touched: tasks
 * are named after their futures ({@code counter-1}), and a future that carries a queue label (a
 * {@code getOrder()} method, as stages 3 and 4 have) gives its task that queue, which is how a
 * poll on another queue's consumer shows as stolen.
 */
public final class TracedRun {

    /** Events kept: a stage program makes a few hundred; a million tasks fit without running out of memory. */
    static final int CAPACITY = 1 << 20;
    /** The width of the text timeline. */
    static final int COLUMNS = 100;

    private final Map<Integer, String> queues = new ConcurrentHashMap<>();
    private final Path svg;
    private final String title;

    private TracedRun(Path svg, String title) {
        this.svg = svg;
        this.title = title;
    }

    /** The arguments without the trace flags, which the stage program does not know. */
    public static String[] programArguments(String[] args) {
        return Arrays.stream(args).filter(arg -> !isTraceFlag(arg)).toArray(String[]::new);
    }

    /**
     * Starts tracing if {@code args} ask for it; {@code null} if they do not.
     *
     * @throws IllegalArgumentException for {@code --trace=} with no path, or a path not ending in .svg
     */
    public static TracedRun startIfAsked(String[] args, String title) {
        TracedRun run = null;
        for (String arg : args) {
            if (arg.equals("--trace")) {
                run = new TracedRun(null, title);
            } else if (arg.startsWith("--trace=")) {
                String path = arg.substring("--trace=".length());
                if (!path.toLowerCase(Locale.ROOT).endsWith(".svg")) {
                    throw new IllegalArgumentException("--trace=" + path + ": the picture is an SVG file, so its"
                            + " name must end in .svg (for example --trace=run.svg)");
                }
                run = new TracedRun(Path.of(path), title);
            }
        }
        if (run != null) {
            Trace.start(CAPACITY, run::name);
        }
        return run;
    }

    /** Stops the trace; returns the text timeline, and writes the picture if one was asked for. */
    public String finish() {
        Timeline timeline = Timelines.from(Trace.stop(), queues::get);
        String text = TextTimeline.render(timeline, COLUMNS);
        if (svg != null) {
            try {
                Files.writeString(svg, SvgTimeline.render(timeline, title), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the timeline to " + svg.toAbsolutePath(), e);
            }
            text += "The picture: " + svg.toAbsolutePath() + " (open it in a browser)\n";
        }
        return text;
    }

    private static boolean isTraceFlag(String arg) {
        return arg.equals("--trace") || arg.startsWith("--trace=");
    }

    /** {@code counter-1}, and the task's queue noted if its future carries one. */
    private String name(Future<?> future, int task) {
        String queue = queueOf(future);
        if (queue != null) {
            queues.put(task, queue);
        }
        return baseName(innermost(future)) + "-" + task;
    }

    /** The future a label wraps (a record with a {@code future} component), else the future. */
    static Object innermost(Object future) {
        Object current = future;
        for (int depth = 0; depth < 4 && current.getClass().isRecord(); depth++) {
            Object inner = component(current, "future");
            if (inner == null) {
                break;
            }
            current = inner;
        }
        return current;
    }

    private static Object component(Object record, String name) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    return accessor.invoke(record);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** {@code CounterFuture} as {@code counter}; an async block as {@code block}, a body as {@code async}. */
    static String baseName(Object future) {
        String simple = future.getClass().getSimpleName();
        if (simple.equals("Sequence")) {
            return "block";
        }
        if (simple.equals("AsyncBody") || simple.contains("$$Lambda") || simple.isEmpty()) {
            return "async";
        }
        String name = simple.endsWith("Future") && simple.length() > "Future".length()
                ? simple.substring(0, simple.length() - "Future".length()) : simple;
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** The future's queue label ({@code getOrder()}), as {@code HIGH} or {@code LOW}; else {@code null}. */
    static String queueOf(Object future) {
        try {
            Method order = future.getClass().getMethod("getOrder");
            order.setAccessible(true);
            Object label = order.invoke(future);
            return label == null ? null : label.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
