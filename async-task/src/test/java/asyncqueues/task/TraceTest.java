package asyncqueues.task;

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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The foundation's {@link Trace} hook, end to end: tasks spawned with {@link AsyncTask#spawn} on a
 * queue that this test runs by hand, and the events the recording kept. {@code Trace} is global,
 * so every test stops what it started, even when it fails.
 */
@DisplayName("Trace: what a recording keeps of real tasks")
@Timeout(10)
class TraceTest {

    /** The queue the tasks' schedule function adds to; the test runs its runnables, on its own thread. */
    private final ArrayDeque<TaskRunnable> queue = new ArrayDeque<>();

    @BeforeEach
    void noRecordingRuns() {
        assertThat(Trace.isRecording()).as("a recording left running by another test").isFalse();
    }

    @AfterEach
    void stopRecording() {
        if (Trace.isRecording()) {
            Trace.stop();
        }
    }

    private <T> Spawned<T> spawn(Future<T> future) {
        Spawned<T> spawned = AsyncTask.spawn(future, queue::add);
        spawned.runnable().schedule();
        return spawned;
    }

    private void runNext() {
        TaskRunnable next = queue.poll();
        assertThat(next).as("a queued runnable").isNotNull();
        next.run();
    }

    /** Each task's kinds, in the order they were recorded, by trace number. */
    private static Map<Integer, List<Trace.Kind>> kindsByTask(Trace.Recording recording) {
        Map<Integer, List<Trace.Kind>> kinds = new TreeMap<>();
        recording.events().forEach(event -> kinds.computeIfAbsent(event.task(), task -> new ArrayList<>()).add(event.kind()));
        return kinds;
    }

    /** Ready at once with {@code value}. */
    private record Ready<T>(T value) implements Future<T> {
        @Override
        public Poll<T> poll(Context cx) {
            return Poll.ready(value);
        }
    }

    /** Pending on its first poll, keeping the waker for the test to wake; Ready after. */
    private static final class PendingOnce implements Future<String> {
        Waker waker;

        @Override
        public Poll<String> poll(Context cx) {
            if (waker == null) {
                waker = cx.waker();
                return Poll.pending();
            }
            return Poll.ready("done");
        }
    }

    /** Wakes itself during its first poll and is Pending; Ready on the second. */
    private static final class WakesItself implements Future<String> {
        int polls;

        @Override
        public Poll<String> poll(Context cx) {
            if (++polls == 1) {
                cx.waker().wake();
                return Poll.pending();
            }
            return Poll.ready("again");
        }
    }

    @Test
    @DisplayName("each task's events, in order: spawn, schedules, polls and outcomes, wake during a poll, cancel, detach, name")
    void eventsPerTask() throws InterruptedException {
        Trace.start(100, (future, task) -> future.getClass().getSimpleName() + "#" + task);

        PendingOnce pendingOnce = new PendingOnce();
        Spawned<String> one = spawn(pendingOnce);
        Spawned<Object> two = spawn(cx -> {
            throw new IllegalStateException("boom");
        });
        Spawned<Integer> three = spawn(new Ready<>(3));
        Spawned<Integer> four = spawn(new Ready<>(4));
        Spawned<String> five = spawn(new WakesItself());
        Trace.name(four.task(), "the-detached-one");

        runNext(); // one: Pending
        assertThatThrownBy(this::runNext).isInstanceOf(IllegalStateException.class).hasMessage("boom"); // two
        three.task().cancel();
        runNext(); // three: cancelled while queued, so not polled
        four.task().detach();
        runNext(); // four: Ready
        runNext(); // five: wakes itself, Pending, and is queued again by its poller
        runNext(); // five: Ready
        pendingOnce.waker.wake(); // one: idle, so this wake queues it
        Thread poller = Thread.ofPlatform().name("hand-poller").start(this::runNext); // one: Ready, elsewhere
        poller.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(poller.isAlive()).as("the other poller is done").isFalse();
        assertThat(queue).isEmpty();

        Trace.Recording recording = Trace.stop();

        assertThat(kindsByTask(recording)).containsOnlyKeys(1, 2, 3, 4, 5);
        assertThat(kindsByTask(recording).get(1))
                .containsExactly(SPAWNED, SCHEDULED, POLL_STARTED, POLL_PENDING, SCHEDULED, POLL_STARTED, POLL_READY);
        assertThat(kindsByTask(recording).get(2)).containsExactly(SPAWNED, SCHEDULED, POLL_STARTED, POLL_THREW);
        assertThat(kindsByTask(recording).get(3)).containsExactly(SPAWNED, SCHEDULED, CANCELLED);
        assertThat(kindsByTask(recording).get(4)).containsExactly(SPAWNED, SCHEDULED, NAMED, DETACHED, POLL_STARTED, POLL_READY);
        assertThat(kindsByTask(recording).get(5)).containsExactly(
                SPAWNED, SCHEDULED, POLL_STARTED, WOKEN_WHILE_RUNNING, POLL_PENDING, SCHEDULED, POLL_STARTED, POLL_READY);
        assertThat(recording.dropped()).isZero();
        assertThat(three.task().isFinished()).isTrue();
        assertThat(one.task().isFinished()).isTrue();
        assertThat(five.task().isFinished()).isTrue();
        assertThat(two.task().isFinished()).isTrue();
    }

    @Test
    @DisplayName("the SPAWNED event carries the namer's name (given the future and the number, from 1), NAMED the new one")
    void names() {
        List<Object> namedFutures = new ArrayList<>();
        Trace.start(100, (future, task) -> {
            namedFutures.add(future);
            return "task-" + task + "-of-" + future.getClass().getSimpleName();
        });
        Ready<String> first = new Ready<>("x");
        Ready<String> second = new Ready<>("y");
        spawn(first);
        Spawned<String> renamed = spawn(second);
        assertThat(Trace.name(renamed.task(), "fetch")).isSameAs(renamed.task());

        Trace.Recording recording = Trace.stop();

        assertThat(namedFutures).containsExactly(first, second);
        assertThat(recording.events()).filteredOn(event -> event.kind() == SPAWNED || event.kind() == NAMED)
                .extracting(Trace.Event::task, Trace.Event::kind, Trace.Event::name)
                .containsExactly(
                        tuple(1, SPAWNED, "task-1-of-Ready"),
                        tuple(2, SPAWNED, "task-2-of-Ready"),
                        tuple(2, NAMED, "fetch"));
        assertThat(recording.events()).filteredOn(event -> event.kind() != SPAWNED && event.kind() != NAMED)
                .extracting(Trace.Event::name).containsOnlyNulls();
    }

    @Test
    @DisplayName("start(capacity) names a task after its future's class and its number: Ready-1")
    void defaultNames() {
        Trace.start(10);
        spawn(new Ready<>(1));

        assertThat(Trace.stop().events()).filteredOn(event -> event.kind() == SPAWNED)
                .extracting(Trace.Event::name).containsExactly("Ready-1");
    }

    @Test
    @DisplayName("each event names the thread it happened on, and events come in time order")
    void threadsAndTimes() throws InterruptedException {
        Trace.start(100, (future, task) -> "t" + task);
        long before = System.nanoTime();
        spawn(new Ready<>(1));
        Spawned<Integer> elsewhere = AsyncTask.spawn(new Ready<>(2), queue::add);
        Thread other = Thread.ofPlatform().name("trace-test-other").start(() -> elsewhere.runnable().schedule());
        other.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(other.isAlive()).isFalse();
        runNext();
        Thread poller = Thread.ofPlatform().name("trace-test-poller").start(this::runNext);
        poller.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(poller.isAlive()).isFalse();
        Trace.Recording recording = Trace.stop();
        long after = System.nanoTime();

        String me = Thread.currentThread().getName();
        assertThat(recording.events()).extracting(Trace.Event::task, Trace.Event::kind, Trace.Event::thread)
                .containsExactly(
                        tuple(1, SPAWNED, me),
                        tuple(1, SCHEDULED, me),
                        tuple(2, SPAWNED, me),
                        tuple(2, SCHEDULED, "trace-test-other"),
                        tuple(1, POLL_STARTED, me),
                        tuple(1, POLL_READY, me),
                        tuple(2, POLL_STARTED, "trace-test-poller"),
                        tuple(2, POLL_READY, "trace-test-poller"));
        assertThat(recording.events()).extracting(Trace.Event::nanos).isSorted()
                .allSatisfy(nanos -> assertThat(nanos).isBetween(recording.start(), recording.end()));
        assertThat(recording.start()).isLessThanOrEqualTo(before);
        assertThat(recording.end()).isBetween(recording.start(), after);
    }

    @Test
    @DisplayName("stop() without a recording, and a second start(), throw IllegalStateException saying what to do")
    void startAndStopMisuse() {
        assertThat(Trace.isRecording()).isFalse();
        assertThatIllegalStateException().isThrownBy(Trace::stop)
                .withMessage("no recording is running: start one first");

        Trace.start(10);
        assertThat(Trace.isRecording()).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> Trace.start(10))
                .withMessage("a recording is already running: stop it first");
        assertThat(Trace.isRecording()).as("the first recording goes on").isTrue();
        spawn(new Ready<>(1));

        assertThat(Trace.stop().events()).extracting(Trace.Event::kind).containsExactly(SPAWNED, SCHEDULED);
        assertThat(Trace.isRecording()).isFalse();
        assertThatIllegalStateException().isThrownBy(Trace::stop)
                .withMessage("no recording is running: start one first");
    }

    @Test
    @DisplayName("a capacity of 0 or less throws IllegalArgumentException naming it, a null namer or name NPE; nothing starts")
    void badArguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> Trace.start(0))
                .withMessage("capacity must be positive, not 0");
        assertThatIllegalArgumentException().isThrownBy(() -> Trace.start(-5, (future, task) -> "x"))
                .withMessage("capacity must be positive, not -5");
        assertThatNullPointerException().isThrownBy(() -> Trace.start(10, null))
                .withMessage("namer must not be null");
        assertThat(Trace.isRecording()).isFalse();

        Spawned<Integer> spawned = spawn(new Ready<>(1));
        assertThatNullPointerException().isThrownBy(() -> Trace.name(null, "x")).withMessage("task must not be null");
        assertThatNullPointerException().isThrownBy(() -> Trace.name(spawned.task(), null))
                .withMessage("name must not be null");
    }

    @Test
    @DisplayName("events past the capacity are counted as dropped, not kept: the first ones are")
    void capacity() {
        Trace.start(5, (future, task) -> "t" + task);
        spawn(new Ready<>(1)); // SPAWNED, SCHEDULED
        spawn(new Ready<>(2)); // SPAWNED, SCHEDULED
        runNext(); // POLL_STARTED (the 5th), POLL_READY
        runNext(); // POLL_STARTED, POLL_READY

        Trace.Recording recording = Trace.stop();

        assertThat(recording.events()).extracting(Trace.Event::task, Trace.Event::kind).containsExactly(
                tuple(1, SPAWNED),
                tuple(1, SCHEDULED),
                tuple(2, SPAWNED),
                tuple(2, SCHEDULED),
                tuple(1, POLL_STARTED));
        assertThat(recording.dropped()).isEqualTo(3);
    }

    @Test
    @DisplayName("a task spawned while no recording ran records nothing, even while a later recording runs")
    void taskSpawnedBeforeTheRecording() {
        PendingOnce before = new PendingOnce();
        Spawned<String> untraced = spawn(before);
        runNext(); // Pending, with no recording

        Trace.start(100, (future, task) -> "t" + task);
        Trace.name(untraced.task(), "ignored");
        before.waker.wake();
        runNext(); // Ready, during the recording
        untraced.task().close();
        spawn(new Ready<>(1));
        runNext();
        Trace.Recording recording = Trace.stop();

        assertThat(recording.events()).extracting(Trace.Event::task).containsOnly(1);
        assertThat(recording.events()).extracting(Trace.Event::kind)
                .containsExactly(SPAWNED, SCHEDULED, POLL_STARTED, POLL_READY);
        assertThat(recording.events()).extracting(Trace.Event::name).doesNotContain("ignored");
    }

    @Test
    @DisplayName("nothing is recorded once the recording stopped, and a task that outlives it does not reach the next one")
    void taskThatOutlivesItsRecording() {
        Trace.start(100, (future, task) -> "first-" + task);
        PendingOnce outliving = new PendingOnce();
        Spawned<String> spawned = spawn(outliving);
        runNext(); // Pending
        Trace.Recording first = Trace.stop();
        outliving.waker.wake();
        TaskRunnable requeued = queue.poll();

        assertThat(first.events()).extracting(Trace.Event::kind)
                .containsExactly(SPAWNED, SCHEDULED, POLL_STARTED, POLL_PENDING);

        Trace.start(100, (future, task) -> "second-" + task);
        spawn(new Ready<>(1)); // the second recording's task 1
        runNext();
        requeued.run(); // the first recording's task 1: Ready
        Trace.name(spawned.task(), "renamed-too-late");
        Trace.Recording second = Trace.stop();

        assertThat(second.events()).extracting(Trace.Event::kind).containsExactly(SPAWNED, SCHEDULED, POLL_STARTED, POLL_READY);
    }

    @Test
    @DisplayName("a million tasks on a recording of 1,000 events: exactly 1,000 kept, the rest counted, in a few seconds")
    void millionTasksStayBounded() {
        int tasks = 1_000_000;
        int capacity = 1_000;
        long began = System.nanoTime();
        Trace.start(capacity, (future, task) -> "t" + task);
        Ready<Integer> ready = new Ready<>(0);
        for (int i = 0; i < tasks; i++) {
            AsyncTask.spawn(ready, queue::add).runnable().run(); // SPAWNED, POLL_STARTED, POLL_READY
        }
        Trace.Recording recording = Trace.stop();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        assertThat(recording.events()).hasSize(capacity);
        assertThat(recording.dropped()).isEqualTo(3L * tasks - capacity);
        assertThat(recording.events().get(capacity - 1).task()).isEqualTo(capacity / 3 + 1);
        assertThat(queue).isEmpty();
        assertThat(millis).as("milliseconds for a million traced tasks").isLessThan(5_000);
    }
}
