// Carried over unchanged from step03-priority-queues's solution by ./jbang stubs --write; edit it there.
package asyncqueues.step04;

/** Which queue a future is sent to: the chapter's {@code FutureType}. */
public enum FutureType {
    /** The high-priority queue, with two consumer threads. */
    HIGH,
    /** The low-priority queue, with one consumer thread. */
    LOW
}
