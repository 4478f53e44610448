package asyncqueues.step03;

/** The queue a future is destined for: the high-priority queue, or the low-priority one. */
public enum FutureType {
    HIGH,
    LOW
}
