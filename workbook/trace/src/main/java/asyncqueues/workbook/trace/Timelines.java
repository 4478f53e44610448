package asyncqueues.workbook.trace;

import asyncqueues.task.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Turns the foundation's {@link Trace.Recording} into a {@link Timeline}: each poll's start paired
 * with its outcome on the same thread, the polls grouped by thread, the tasks named.
 */
public final class Timelines {

    private Timelines() {}

    /**
     * The timeline of {@code recording}; {@code queueOf} gives the queue of the task with a trace
     * number ({@code null} where the runtime has no queues, or the task none).
     *
     * @throws NullPointerException if an argument is {@code null}, naming which
     */
    public static Timeline from(Trace.Recording recording, IntFunction<String> queueOf) {
        Objects.requireNonNull(recording, "recording must not be null");
        Objects.requireNonNull(queueOf, "queueOf must not be null");
        Map<Integer, String> names = new TreeMap<>();
        for (Trace.Event event : recording.events()) {
            if (event.kind() == Trace.Kind.SPAWNED || event.kind() == Trace.Kind.NAMED) {
                names.put(event.task(), event.name());
            }
        }
        Map<Integer, Timeline.Task> tasks = new HashMap<>();
        Map<String, List<Timeline.Poll>> lanes = new LinkedHashMap<>();
        Map<String, Trace.Event> started = new HashMap<>(); // a thread's poll in progress
        List<Trace.Event> events = new ArrayList<>(recording.events());
        events.sort(Comparator.comparingLong(Trace.Event::nanos));
        for (Trace.Event event : events) {
            Timeline.Outcome outcome = outcomeOf(event.kind());
            if (event.kind() == Trace.Kind.POLL_STARTED) {
                started.put(event.thread(), event);
                lanes.computeIfAbsent(event.thread(), thread -> new ArrayList<>());
            } else if (outcome != null) {
                Trace.Event start = started.remove(event.thread());
                if (start != null && start.task() == event.task()) {
                    lanes.get(event.thread()).add(new Timeline.Poll(task(tasks, names, queueOf, event.task()),
                            start.nanos(), event.nanos(), outcome));
                }
            }
        }
        started.values().forEach(start -> lanes.get(start.thread()).add(new Timeline.Poll(
                task(tasks, names, queueOf, start.task()), start.nanos(), recording.end(), Timeline.Outcome.UNFINISHED)));
        List<Timeline.Lane> lanesInOrder = lanes.entrySet().stream()
                .filter(lane -> !lane.getValue().isEmpty())
                .map(lane -> new Timeline.Lane(lane.getKey(), lane.getValue().stream()
                        .sorted(Comparator.comparingLong(Timeline.Poll::start)).toList()))
                .sorted(Comparator.comparingLong(lane -> lane.polls().get(0).start()))
                .toList();
        List<Timeline.Task> polled = tasks.values().stream().sorted(Comparator.comparingInt(Timeline.Task::id)).toList();
        return new Timeline(polled, lanesInOrder, recording.start(), Math.max(recording.start(), recording.end()),
                recording.dropped());
    }

    private static Timeline.Task task(Map<Integer, Timeline.Task> tasks, Map<Integer, String> names,
            IntFunction<String> queueOf, int id) {
        return tasks.computeIfAbsent(id, number -> new Timeline.Task(number,
                names.getOrDefault(number, "task-" + number), queueOf.apply(number)));
    }

    private static Timeline.Outcome outcomeOf(Trace.Kind kind) {
        return switch (kind) {
            case POLL_PENDING -> Timeline.Outcome.PENDING;
            case POLL_READY -> Timeline.Outcome.READY;
            case POLL_THREW -> Timeline.Outcome.THREW;
            default -> null;
        };
    }
}
