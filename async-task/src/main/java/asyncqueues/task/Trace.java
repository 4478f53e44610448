package asyncqueues.task;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * A recording of what the tasks did: each spawn, schedule, poll (its start and its outcome),
 * cancel and detach, with the thread that did it and when. Off unless {@link #start started}.
 *
 * <p>How it stays cheap: a spawn reads one plain static flag; a task spawned while no recording
 * runs carries trace number 0, and every hook on the run path is one read of that field and a
 * branch. A task spawned during a recording gets a number unique in the JVM, shown as its number
 * in the recording (from 1 up); its events go into a fixed array by an atomic index, so recording
 * costs no lock and never grows: once the array is full, further events are only counted
 * ({@link Recording#dropped()}). Events of a task spawned before the recording started, in this
 * recording or an earlier one, are ignored.
 *
 * <p>The flag is plain, not volatile, so that a spawn pays no memory barrier: a spawn sees a
 * recording that was started before it in the sense of the memory model (on the same thread,
 * or before a thread start, a queue handoff or a lock that leads to the spawn), which is how a
 * program is traced from its start.
 */
public final class Trace {

    /** What happened to a task. */
    public enum Kind {
        /** The task was spawned; the event carries its name. */
        SPAWNED,
        /** Its runnable went to the schedule function (spawned, or woken while idle). */
        SCHEDULED,
        /** It was woken during a poll: the poller queues it again when the poll returns Pending. */
        WOKEN_WHILE_RUNNING,
        POLL_STARTED,
        POLL_PENDING,
        POLL_READY,
        POLL_THREW,
        CANCELLED,
        DETACHED,
        /** The program named the task ({@link #name}); the event carries the name. */
        NAMED
    }

    /**
     * One event.
     *
     * @param nanos  when, in {@link System#nanoTime()} nanoseconds
     * @param kind   what happened
     * @param task   the task's trace number, from 1 in spawn order
     * @param name   the task's name, for {@link Kind#SPAWNED} and {@link Kind#NAMED}; else {@code null}
     * @param thread the name of the thread it happened on
     */
    public record Event(long nanos, Kind kind, int task, String name, String thread) {}

    /**
     * What a recording kept.
     *
     * @param events  the events in the order they were recorded, which is time order per thread
     * @param start   when the recording started, in {@link System#nanoTime()} nanoseconds
     * @param end     when it stopped
     * @param dropped how many events did not fit
     */
    public record Recording(List<Event> events, long start, long end, long dropped) {}

    /** The recording in progress, or {@link Recorder#OFF}: read on every event of a traced task. */
    private static volatile Recorder recorder = Recorder.OFF;

    /** Whether a recording runs; read, plainly, on every spawn. */
    private static boolean recording;

    /** Trace numbers, unique in the JVM, so that a task of an earlier recording is never taken for one of this. */
    private static final AtomicInteger TASKS = new AtomicInteger();

    private Trace() {}

    /**
     * Starts a recording of at most {@code capacity} events; {@code namer} names each task spawned
     * meanwhile, given its future and its trace number (as in {@code counter-1}); it runs on the
     * spawning thread, and must be quick.
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     * @throws IllegalStateException if a recording is already running
     * @throws NullPointerException if {@code namer} is {@code null}
     */
    public static synchronized void start(int capacity, BiFunction<? super Future<?>, Integer, String> namer) {
        Objects.requireNonNull(namer, "namer must not be null");
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        }
        if (recording) {
            throw new IllegalStateException("a recording is already running: stop it first");
        }
        recorder = new Recorder(capacity, namer, TASKS.get());
        recording = true;
    }

    /** {@link #start(int, BiFunction)} that names a task after its future's class: {@code CounterFuture-1}. */
    public static void start(int capacity) {
        start(capacity, (future, task) -> future.getClass().getSimpleName() + "-" + task);
    }

    /**
     * Stops the recording and returns what it kept.
     *
     * @throws IllegalStateException if no recording is running
     */
    public static synchronized Recording stop() {
        if (!recording) {
            throw new IllegalStateException("no recording is running: start one first");
        }
        Recorder stopped = recorder;
        recorder = Recorder.OFF;
        recording = false;
        return stopped.recording(System.nanoTime());
    }

    /** Whether a recording is running. */
    public static synchronized boolean isRecording() {
        return recording;
    }

    /**
     * Gives {@code task} a name in the recording, in place of the one its future gave it; does
     * nothing if the task was spawned while no recording ran.
     *
     * @return {@code task}, so that a spawn can be named where it is written
     * @throws NullPointerException if an argument is {@code null}, naming which
     */
    public static <T> Task<T> name(Task<T> task, String name) {
        Objects.requireNonNull(task, "task must not be null");
        Objects.requireNonNull(name, "name must not be null");
        record(task.traceId, Kind.NAMED, name);
        return task;
    }

    /** A trace number for a task of {@code future} spawned now: 0 when nothing records. */
    static int spawned(Future<?> future) {
        return recording ? recorder.spawned(future) : 0;
    }

    /** Records {@code kind} for the task numbered {@code task}, unless it is 0 or the recording is over. */
    static void record(int task, Kind kind) {
        record(task, kind, null);
    }

    private static void record(int task, Kind kind, String name) {
        if (task != 0) {
            recorder.add(task, kind, name);
        }
    }

    /** One recording's bounded store of events. */
    private static class Recorder {

        /** No recording: it numbers no task and keeps no event. */
        static final Recorder OFF = new Recorder(0, (future, task) -> "", Integer.MAX_VALUE) {
            @Override
            int spawned(Future<?> future) {
                return 0;
            }

            @Override
            void add(int id, Kind kind, String name) {}
        };

        private final long start = System.nanoTime();
        private final Event[] events;
        /** The next free slot; past the end, a count of the events that did not fit. */
        private final AtomicLong next = new AtomicLong();
        private final BiFunction<? super Future<?>, Integer, String> namer;

        /** The last trace number given out before this recording: its tasks have greater ones. */
        private final int before;

        Recorder(int capacity, BiFunction<? super Future<?>, Integer, String> namer, int before) {
            this.events = new Event[capacity];
            this.namer = namer;
            this.before = before;
        }

        int spawned(Future<?> future) {
            int id = TASKS.incrementAndGet();
            int task = id - before;
            add(id, Kind.SPAWNED, Objects.requireNonNull(namer.apply(future, task), "the namer returned null"));
            return id;
        }

        /** Records an event of the task with trace number {@code id}, if it is one of this recording's. */
        void add(int id, Kind kind, String name) {
            int task = id - before;
            if (task <= 0) {
                return; // spawned before this recording started
            }
            long slot = next.getAndIncrement();
            if (slot < events.length) {
                events[(int) slot] = new Event(System.nanoTime(), kind, task, name, Thread.currentThread().getName());
            }
        }

        /** The events stored; one that a racing thread was still writing is left out, and not counted. */
        Recording recording(long end) {
            long reserved = next.get();
            int stored = (int) Math.min(reserved, events.length);
            List<Event> kept = Arrays.stream(events, 0, stored).filter(Objects::nonNull).toList();
            return new Recording(kept, start, end, Math.max(0, reserved - events.length));
        }
    }
}
