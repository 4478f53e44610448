package asyncqueues.workbook;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which queues of a lazily started, configurable runtime (stages 5 and 6) have started, and with
 * how many consumer threads. A queue reads its number once, when it starts; a runtime configured
 * afterwards with another number is refused rather than silently ignored. A queue whose threads
 * the machine refused has not started, and its start says why on every spawn.
 * The chapter has neither: its {@code LazyLock} queues start once and trust the machine.
 *
 * @param <K> what names a queue: {@code FutureType}
 */
public final class StartedQueues<K> {

    /**
     * A queue's start: the channel to send its tasks on, or why it could not start. It is kept,
     * not thrown, because it is made in a class initializer, and a class whose initializer throws
     * is broken for good (a bare {@link NoClassDefFoundError} on every later use).
     */
    public record Start<C>(C channel, IllegalStateException failure) {

        /** The channel; or, for a queue that could not start, an exception that says why, with this call's stack. */
        public C channelOrThrow() {
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            return channel;
        }
    }

    /** The number of consumer threads of each started queue; a queue is absent until it starts. */
    private final Map<K, Integer> started = new ConcurrentHashMap<>();

    /** Whether {@code queue} has started. */
    public boolean hasStarted(K queue) {
        return started.containsKey(queue);
    }

    /**
     * Throws unless {@code queue} has not started, or started with {@code count} threads.
     *
     * @throws IllegalStateException naming the queue, both numbers, and what to do instead
     */
    public void requireStartableWith(K queue, int count) {
        Integer threads = started.get(queue);
        if (threads != null && threads != count) {
            throw new IllegalStateException("the " + queue + " queue has already started with " + threads
                    + " consumer thread(s), so it cannot have " + count + ": configure the runtime,"
                    + " new AsyncRuntime()...run(), before the first spawnTask");
        }
    }

    /**
     * Starts {@code queue} with {@code count} threads: records the number first (it is fixed once
     * read, before the threads exist), then calls {@code start}, which starts the consumers and
     * returns the channel. If {@code start} throws an {@link IllegalStateException} (the machine
     * refused a thread), the queue has not started, and the start keeps the exception.
     */
    public <C> Start<C> start(K queue, int count, Supplier<C> start) {
        Objects.requireNonNull(queue, "queue must not be null");
        started.put(queue, count);
        try {
            return new Start<>(start.get(), null);
        } catch (IllegalStateException refused) {
            started.remove(queue);
            return new Start<>(null, refused);
        }
    }
}
