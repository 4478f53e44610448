// Carried over unchanged from step05-builder-macros's solution by ./jbang stubs --write; edit it there.
package asyncqueues.step06;

/** Which queue a task is sent to: the chapter's {@code FutureType}. */
public enum FutureType {
    /** The high-priority queue. */
    HIGH,
    /** The low-priority queue, where a task goes unless told otherwise. */
    LOW
}
