package asyncqueues.workbook.testing;

import java.util.List;

/**
 * What a task's state says about why it has not finished, for the messages of the stages'
 * bounded waits. The state is read from the task's {@code toString()}, which names its state
 * bits: {@code Task[SCHEDULED]}, {@code Task[IDLE]}, {@code Task[RUNNING|DETACHED]} (async-task's
 * {@code RawTask} defines them).
 */
public final class TaskState {

    private TaskState() {}

    /** Whether {@code task} is scheduled and not running: its runnable waits to be run, or was never queued. */
    public static boolean isWaitingToRun(Object task) {
        List<String> bits = bitsOf(task);
        return bits.contains("SCHEDULED") && !bits.contains("RUNNING");
    }

    /** Whether {@code task} was polled, returned Pending, and has not been woken since. */
    public static boolean isIdle(Object task) {
        return bitsOf(task).contains("IDLE");
    }

    /** {@code task}'s state, and what it means for a task that should have finished by now. */
    public static String explain(Object task) {
        List<String> bits = bitsOf(task);
        String meaning;
        if (bits.contains("RUNNING")) {
            meaning = "a poll of it is running and has not returned";
        } else if (bits.contains("CLOSED")) {
            meaning = "it was cancelled";
        } else if (bits.contains("SCHEDULED")) {
            meaning = "it waits for a consumer to run it; if every consumer is idle, its runnable is on no"
                    + " queue: was it put there (runnable.schedule())?";
        } else if (bits.contains("IDLE")) {
            meaning = "its future returned Pending and nothing has woken it since, so nothing will poll it"
                    + " again: a future must call cx.waker().wake() before it returns Poll.pending()";
        } else {
            meaning = "it has finished";
        }
        return task + ": " + meaning;
    }

    /** The words between the brackets of {@code Task[A|B]}. */
    private static List<String> bitsOf(Object task) {
        String text = String.valueOf(task);
        int open = text.indexOf('[');
        int close = text.lastIndexOf(']');
        return open < 0 || close < open ? List.of() : List.of(text.substring(open + 1, close).split("\\|"));
    }
}
