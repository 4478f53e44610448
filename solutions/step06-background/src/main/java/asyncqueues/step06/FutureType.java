package asyncqueues.step06;

/** Which queue a task is sent to: the chapter's {@code FutureType}. */
public enum FutureType {
    /** The high-priority queue. */
    HIGH,
    /** The low-priority queue, where a task goes unless told otherwise. */
    LOW
}
