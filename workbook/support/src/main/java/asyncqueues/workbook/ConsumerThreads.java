package asyncqueues.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * The checks a configurable runtime (stages 5 and 6) makes on its numbers of consumer threads,
 * and a start of those threads that a machine's refusal leaves clean. The chapter has neither: it
 * unwraps the environment variable and trusts the machine. Keeping them here keeps each stage's
 * {@code AsyncRuntime} the chapter's code, with one call where the chapter has an {@code unwrap()}.
 */
public final class ConsumerThreads {

    /**
     * The most consumer threads a queue may have. Each is a platform thread with a stack of its
     * own, and a process gets a few thousand at most: asked for a billion, a queue would start
     * thousands and then fail. Consumers beyond the machine's cores only help while tasks block
     * their threads (as the chapter's sleeps do): 256 leaves room for plenty of that, and stays
     * far below what an operating system refuses.
     */
    public static final int MAX = 256;

    private ConsumerThreads() {}

    /**
     * The number that the system property {@code property} gives, or {@code whenUnset} if it is
     * not set. Surrounding blanks are allowed.
     *
     * @throws IllegalArgumentException if the property is set but is not a whole number from 1
     *         to {@value #MAX}, naming the property and its value (a bad setting is not silently
     *         replaced by the default)
     */
    public static int fromProperty(String property, int whenUnset) {
        String value = System.getProperty(property);
        if (value == null) {
            return whenUnset;
        }
        String problem = "the system property " + property + " must be a whole number of consumer"
                + " threads, from 1 to " + MAX + "; it is '" + value + "'";
        int count;
        try {
            count = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(problem, e);
        }
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException(problem);
        }
        return count;
    }

    /**
     * Returns {@code count} if it is from 1 to {@value #MAX}.
     *
     * @throws IllegalArgumentException otherwise, naming {@code method}, which was given it
     */
    public static int require(int count, String method) {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException(method + ": a queue has from 1 to " + MAX
                    + " consumer threads, got " + count);
        }
        return count;
    }

    /**
     * Makes {@code count} threads with {@code factory}, named {@code namePrefix} followed by 1,
     * 2, ..., each running {@code loop}, and starts them. If the machine refuses one, stops those
     * already started (a queue with fewer threads than asked for would keep them for good): a
     * consumer's loop ends when its thread is interrupted.
     *
     * @param queue the queue's name, for the message ({@code HIGH})
     * @param setting how to ask for fewer threads, for the message ({@code HIGH_NUM or withHighNum})
     * @throws IllegalStateException if the machine refused a thread, saying which and what to do
     */
    public static void start(ThreadFactory factory, String namePrefix, int count, Runnable loop,
            String queue, String setting) {
        List<Thread> started = new ArrayList<>(count);
        try {
            for (int n = 1; n <= count; n++) {
                Thread consumer = factory.newThread(loop);
                consumer.setName(namePrefix + n);
                consumer.start();
                started.add(consumer);
            }
        } catch (OutOfMemoryError refused) { // how the JVM says "unable to create native thread"
            started.forEach(Thread::interrupt);
            throw new IllegalStateException("the " + queue + " queue cannot start: the machine refused"
                    + " its consumer thread " + (started.size() + 1) + " of " + count + " (" + refused
                    + "), and the " + started.size() + " started were stopped. Ask for fewer with "
                    + setting + " (at most " + MAX + "), or let the process have more threads", refused);
        }
    }
}
