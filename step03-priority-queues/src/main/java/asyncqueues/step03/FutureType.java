package asyncqueues.step03;

/** Which queue a future is sent to: the chapter's {@code FutureType}. */
public enum FutureType {
    /** The high-priority queue, with two consumer threads. */
    HIGH,
    /** The low-priority queue, with one consumer thread. */
    LOW
}
