package asyncqueues.workbook.testing;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What threads are doing, in a few words each, for the messages of the stages' bounded waits:
 * <pre>
 * queue-worker-1 is waiting in LinkedBlockingQueue.take, called from AsyncRuntime.consume(AsyncRuntime.java:92)
 * low-worker-1 is running at AsyncRuntime.consume(AsyncRuntime.java:128)
 * queue-worker-2 was never started
 * </pre>
 * A thread's place is where its own code (the learner's or the test's) calls into a library:
 * that says more than the library's innermost frame, which for any waiting thread is a park.
 */
public final class ThreadReport {

    /**
     * Frames of these packages are the libraries': the JDK's, the foundation's (async-task), and
     * the workbook's own (a test's {@link WatchedQueue}, say).
     */
    private static final List<String> LIBRARIES =
            List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "asyncqueues.task.", "asyncqueues.workbook.");

    private ThreadReport() {}

    /** The live threads whose names match {@code regex} as a whole, sorted by name. */
    public static List<Thread> liveThreadsNamed(String regex) {
        Pattern name = Pattern.compile(regex);
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        return threads.stream()
                .filter(thread -> thread.isAlive() && name.matcher(thread.getName()).matches())
                .sorted(Comparator.comparing(Thread::getName))
                .toList();
    }

    /** What each of {@code threads} is doing, separated by semicolons; "no such thread" if there is none. */
    public static String describe(Collection<Thread> threads) {
        if (threads.isEmpty()) {
            return "no such thread";
        }
        return threads.stream().map(ThreadReport::describe).collect(Collectors.joining("; "));
    }

    /** What {@code thread} is doing, and where. */
    public static String describe(Thread thread) {
        return switch (thread.getState()) {
            case NEW -> thread.getName() + " was never started";
            case TERMINATED -> thread.getName() + " has ended";
            case RUNNABLE -> thread.getName() + " is running" + place(thread.getStackTrace());
            case BLOCKED -> thread.getName() + " is blocked on a lock" + place(thread.getStackTrace());
            case WAITING -> thread.getName() + " is waiting" + place(thread.getStackTrace());
            case TIMED_WAITING -> thread.getName() + " is in a timed wait" + place(thread.getStackTrace());
        };
    }

    /** " in Library.method, called from Own.method(Own.java:12)", or " at Own.method(...)" in its own code. */
    private static String place(StackTraceElement[] stack) {
        int own = 0;
        while (own < stack.length && isLibrary(stack[own])) {
            own++;
        }
        if (own == stack.length) {
            return stack.length == 0 ? "" : " in " + method(stack[0]);
        }
        if (own == 0) {
            return " at " + frame(stack[0]);
        }
        return " in " + method(stack[own - 1]) + ", called from " + frame(stack[own]);
    }

    private static boolean isLibrary(StackTraceElement frame) {
        return LIBRARIES.stream().anyMatch(frame.getClassName()::startsWith);
    }

    private static String method(StackTraceElement frame) {
        String className = frame.getClassName();
        return className.substring(className.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }

    private static String frame(StackTraceElement frame) {
        return method(frame) + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
    }
}
