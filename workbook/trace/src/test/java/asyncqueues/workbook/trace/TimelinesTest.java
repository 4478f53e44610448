package asyncqueues.workbook.trace;

import static asyncqueues.task.Trace.Kind.CANCELLED;
import static asyncqueues.task.Trace.Kind.DETACHED;
import static asyncqueues.task.Trace.Kind.NAMED;
import static asyncqueues.task.Trace.Kind.POLL_PENDING;
import static asyncqueues.task.Trace.Kind.POLL_READY;
import static asyncqueues.task.Trace.Kind.POLL_STARTED;
import static asyncqueues.task.Trace.Kind.POLL_THREW;
import static asyncqueues.task.Trace.Kind.SCHEDULED;
import static asyncqueues.task.Trace.Kind.SPAWNED;
import static asyncqueues.task.Trace.Kind.WOKEN_WHILE_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.tuple;

import asyncqueues.task.Trace;
import asyncqueues.workbook.trace.Timeline.Lane;
import asyncqueues.workbook.trace.Timeline.Outcome;
import asyncqueues.workbook.trace.Timeline.Poll;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Timelines#from}: a recording's events, made by hand, turned into lanes of polls. */
@DisplayName("Timelines.from")
@Timeout(10)
class TimelinesTest {

    private static final IntFunction<String> NO_QUEUES = task -> null;

    private static Trace.Event event(long nanos, Trace.Kind kind, int task, String thread) {
        return new Trace.Event(nanos, kind, task, null, thread);
    }

    private static Trace.Event spawned(long nanos, int task, String name) {
        return new Trace.Event(nanos, SPAWNED, task, name, "main");
    }

    private static Trace.Recording recording(long start, long end, Trace.Event... events) {
        return new Trace.Recording(List.of(events), start, end, 0);
    }

    private static Lane lane(Timeline timeline, String thread) {
        return timeline.lanes().stream().filter(lane -> lane.thread().equals(thread)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("pairs each poll's start with the outcome that follows it on the same thread, though threads interleave")
    void pairsPerThread() {
        Timeline timeline = Timelines.from(recording(0, 100,
                spawned(1, 1, "one"), spawned(2, 2, "two"),
                event(10, POLL_STARTED, 1, "w1"),
                event(12, POLL_STARTED, 2, "w2"),
                event(15, WOKEN_WHILE_RUNNING, 1, "main"),
                event(20, POLL_PENDING, 1, "w1"),
                event(21, SCHEDULED, 1, "w1"),
                event(25, POLL_READY, 2, "w2"),
                event(30, POLL_STARTED, 1, "w2"),
                event(40, POLL_READY, 1, "w2")), NO_QUEUES);

        assertThat(timeline.lanes()).extracting(Lane::thread).containsExactly("w1", "w2");
        assertThat(lane(timeline, "w1").polls()).extracting(p -> p.task().name(), Poll::start, Poll::end, Poll::outcome)
                .containsExactly(tuple("one", 10L, 20L, Outcome.PENDING));
        assertThat(lane(timeline, "w2").polls()).extracting(p -> p.task().name(), Poll::start, Poll::end, Poll::outcome)
                .containsExactly(tuple("two", 12L, 25L, Outcome.READY), tuple("one", 30L, 40L, Outcome.READY));
    }

    @Test
    @DisplayName("the events need not come in time order: they are put in it (a recording is in order per thread only)")
    void sortsEventsByTime() {
        Timeline timeline = Timelines.from(recording(0, 100,
                event(30, POLL_STARTED, 1, "w2"),
                event(40, POLL_READY, 1, "w2"),
                spawned(1, 1, "one"),
                event(10, POLL_STARTED, 1, "w1"),
                event(20, POLL_PENDING, 1, "w1")), NO_QUEUES);

        assertThat(timeline.lanes()).extracting(Lane::thread).containsExactly("w1", "w2");
        assertThat(timeline.lanes()).flatExtracting(Lane::polls).extracting(Poll::start).containsExactly(10L, 30L);
    }

    @Test
    @DisplayName("POLL_PENDING, POLL_READY and POLL_THREW become Pending, Ready and Threw")
    void outcomes() {
        Timeline timeline = Timelines.from(recording(0, 100,
                spawned(1, 1, "t"),
                event(10, POLL_STARTED, 1, "w"), event(11, POLL_PENDING, 1, "w"),
                event(20, POLL_STARTED, 1, "w"), event(21, POLL_READY, 1, "w"),
                spawned(22, 2, "u"),
                event(30, POLL_STARTED, 2, "w"), event(31, POLL_THREW, 2, "w")), NO_QUEUES);

        assertThat(lane(timeline, "w").polls()).extracting(Poll::outcome)
                .containsExactly(Outcome.PENDING, Outcome.READY, Outcome.THREW);
    }

    @Test
    @DisplayName("a poll that had not returned when the recording stopped is Unfinished, and ends at the recording's end")
    void openPollIsUnfinished() {
        Timeline timeline = Timelines.from(recording(5, 100,
                spawned(6, 1, "t"), spawned(7, 2, "u"),
                event(10, POLL_STARTED, 1, "w1"), event(20, POLL_PENDING, 1, "w1"),
                event(50, POLL_STARTED, 1, "w1"),
                event(60, POLL_STARTED, 2, "w2")), NO_QUEUES);

        assertThat(lane(timeline, "w1").polls()).extracting(Poll::start, Poll::end, Poll::outcome)
                .containsExactly(tuple(10L, 20L, Outcome.PENDING), tuple(50L, 100L, Outcome.UNFINISHED));
        assertThat(lane(timeline, "w2").polls()).extracting(Poll::start, Poll::end, Poll::outcome)
                .containsExactly(tuple(60L, 100L, Outcome.UNFINISHED));
        assertThat(timeline.start()).isEqualTo(5);
        assertThat(timeline.end()).isEqualTo(100);
    }

    @Test
    @DisplayName("a task is named by its SPAWNED event, unless a NAMED event renamed it (the last one wins); else task-N")
    void names() {
        Timeline timeline = Timelines.from(recording(0, 100,
                spawned(1, 1, "counter-1"),
                spawned(2, 2, "block-2"),
                new Trace.Event(3, NAMED, 2, "fetch", "main"),
                new Trace.Event(4, NAMED, 2, "fetch-again", "main"),
                event(10, POLL_STARTED, 1, "w"), event(11, POLL_READY, 1, "w"),
                event(12, POLL_STARTED, 2, "w"), event(13, POLL_READY, 2, "w"),
                event(14, POLL_STARTED, 3, "w"), event(15, POLL_READY, 3, "w")), NO_QUEUES);

        assertThat(timeline.tasks()).extracting(Timeline.Task::id, Timeline.Task::name)
                .containsExactly(tuple(1, "counter-1"), tuple(2, "fetch-again"), tuple(3, "task-3"));
        assertThat(lane(timeline, "w").polls()).extracting(p -> p.task().name())
                .containsExactly("counter-1", "fetch-again", "task-3");
    }

    @Test
    @DisplayName("lanes come in the order of their first poll, not of their first event or their name")
    void lanesByFirstPoll() {
        Timeline timeline = Timelines.from(recording(0, 100,
                spawned(1, 1, "t"),
                event(2, SCHEDULED, 1, "a-thread"),
                event(30, POLL_STARTED, 1, "a-thread"), event(31, POLL_PENDING, 1, "a-thread"),
                event(20, POLL_STARTED, 1, "c-thread"), event(21, POLL_PENDING, 1, "c-thread"),
                event(10, POLL_STARTED, 1, "b-thread"), event(11, POLL_PENDING, 1, "b-thread")), NO_QUEUES);

        assertThat(timeline.lanes()).extracting(Lane::thread).containsExactly("b-thread", "c-thread", "a-thread");
    }

    @Test
    @DisplayName("tasks never polled are left out, and so are threads that only scheduled, woke, cancelled or detached")
    void unpolledTasksLeftOut() {
        Timeline timeline = Timelines.from(recording(0, 100,
                spawned(1, 1, "polled"),
                spawned(2, 2, "cancelled"),
                spawned(3, 3, "detached"),
                event(4, SCHEDULED, 2, "main"),
                event(5, CANCELLED, 2, "main"),
                event(6, DETACHED, 3, "other"),
                event(7, WOKEN_WHILE_RUNNING, 3, "waker"),
                event(10, POLL_STARTED, 1, "w"), event(11, POLL_READY, 1, "w")), NO_QUEUES);

        assertThat(timeline.tasks()).extracting(Timeline.Task::name).containsExactly("polled");
        assertThat(timeline.lanes()).extracting(Lane::thread).containsExactly("w");
    }

    @Test
    @DisplayName("the tasks come in spawn order (their trace numbers), not in the order they were first polled")
    void tasksInSpawnOrder() {
        Timeline timeline = Timelines.from(recording(0, 100,
                spawned(1, 1, "first"), spawned(2, 2, "second"),
                event(10, POLL_STARTED, 2, "w"), event(11, POLL_READY, 2, "w"),
                event(12, POLL_STARTED, 1, "w"), event(13, POLL_READY, 1, "w")), NO_QUEUES);

        assertThat(timeline.tasks()).extracting(Timeline.Task::name).containsExactly("first", "second");
    }

    @Test
    @DisplayName("queueOf gives each task its queue, by trace number (null for none)")
    void queues() {
        Timeline timeline = Timelines.from(recording(0, 100,
                spawned(1, 1, "a"), spawned(2, 2, "b"), spawned(3, 3, "c"),
                event(10, POLL_STARTED, 1, "w"), event(11, POLL_READY, 1, "w"),
                event(12, POLL_STARTED, 2, "w"), event(13, POLL_READY, 2, "w"),
                event(14, POLL_STARTED, 3, "w"), event(15, POLL_READY, 3, "w")),
                task -> switch (task) {
                    case 1 -> "HIGH";
                    case 2 -> "LOW";
                    default -> null;
                });

        assertThat(timeline.tasks()).extracting(Timeline.Task::name, Timeline.Task::queue)
                .containsExactly(tuple("a", "HIGH"), tuple("b", "LOW"), tuple("c", null));
        assertThat(lane(timeline, "w").polls()).extracting(p -> p.task().queue()).containsExactly("HIGH", "LOW", null);
    }

    @Test
    @DisplayName("the recording's start, end and dropped count carry over; an outcome whose start was not kept is ignored")
    void carriesOverTheRecording() {
        Trace.Recording recording = new Trace.Recording(List.of(
                spawned(1, 1, "t"),
                event(20, POLL_READY, 1, "w"), // its POLL_STARTED did not fit
                event(30, POLL_STARTED, 1, "w"), event(31, POLL_PENDING, 1, "w")), 7, 90, 42);

        Timeline timeline = Timelines.from(recording, NO_QUEUES);

        assertThat(timeline.start()).isEqualTo(7);
        assertThat(timeline.end()).isEqualTo(90);
        assertThat(timeline.dropped()).isEqualTo(42);
        assertThat(lane(timeline, "w").polls()).extracting(Poll::start, Poll::outcome)
                .containsExactly(tuple(30L, Outcome.PENDING));
    }

    @Test
    @DisplayName("an empty recording gives an empty timeline")
    void emptyRecording() {
        Timeline timeline = Timelines.from(recording(3, 9), NO_QUEUES);

        assertThat(timeline.tasks()).isEmpty();
        assertThat(timeline.lanes()).isEmpty();
        assertThat(timeline.millis()).isEqualTo(6e-6);
    }

    @Test
    @DisplayName("rejects a null recording or queueOf, naming which")
    void rejectsNulls() {
        assertThatNullPointerException().isThrownBy(() -> Timelines.from(null, NO_QUEUES))
                .withMessage("recording must not be null");
        assertThatNullPointerException().isThrownBy(() -> Timelines.from(recording(0, 1), null))
                .withMessage("queueOf must not be null");
    }
}
