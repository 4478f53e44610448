package asyncqueues.workbook.trace;

import java.util.List;
import java.util.Objects;

/**
 * What a run of a runtime did, laid out for drawing: one lane per thread that polled, each a row
 * of polls in time order, and the tasks they polled.
 *
 * @param tasks   every task that was polled, in the order they were spawned
 * @param lanes   one per thread that polled, in the order of their first poll
 * @param start   when the run began, in {@link System#nanoTime()} nanoseconds: time 0 of the axis
 * @param end     when it ended, in the same clock
 * @param dropped how many events the recording could not keep (it is bounded)
 */
public record Timeline(List<Task> tasks, List<Lane> lanes, long start, long end, long dropped) {

    /**
     * A task, as the timeline names and marks it.
     *
     * @param id    the recording's number of the task, from 1 in spawn order
     * @param name  its name: given by the program, or made from its future's class
     * @param queue the queue it was spawned to (the future's order label, e.g. {@code LOW}), or
     *              {@code null} if the runtime has no such thing
     */
    public record Task(int id, String name, String queue) {

        public Task {
            Objects.requireNonNull(name, "name must not be null");
        }
    }

    /** What a poll came to. */
    public enum Outcome {
        PENDING,
        READY,
        THREW,
        /** It had not returned when the recording stopped. */
        UNFINISHED
    }

    /** One poll of one task, on one thread. */
    public record Poll(Task task, long start, long end, Outcome outcome) {

        public Poll {
            Objects.requireNonNull(task, "task must not be null");
            Objects.requireNonNull(outcome, "outcome must not be null");
        }

        /**
         * Whether a thread polled a task of another queue than its own: a consumer named after
         * its queue ({@code high-worker-1} for HIGH, {@code low-worker-1} for LOW) that polls a
         * task of the other queue stole it. Threads named otherwise own no queue, and steal nothing.
         */
        public boolean stolenBy(String thread) {
            String own = queueOf(thread);
            return task.queue() != null && own != null && !own.equalsIgnoreCase(task.queue());
        }

        private static String queueOf(String thread) {
            for (String queue : QUEUES) {
                if (thread.regionMatches(true, 0, queue + "-worker-", 0, queue.length() + "-worker-".length())) {
                    return queue;
                }
            }
            return null;
        }

        /** The queues the stages' consumers are named after (the stages' FutureType). */
        private static final List<String> QUEUES = List.of("high", "low");
    }

    /** One thread's polls, in time order. */
    public record Lane(String thread, List<Poll> polls) {

        public Lane {
            Objects.requireNonNull(thread, "thread must not be null");
            polls = List.copyOf(polls);
        }
    }

    public Timeline {
        tasks = List.copyOf(tasks);
        lanes = List.copyOf(lanes);
        if (end < start) {
            throw new IllegalArgumentException("a timeline ends before it starts: " + start + " > " + end);
        }
    }

    /** How long the run took, in milliseconds. */
    public double millis() {
        return (end - start) / 1e6;
    }
}
