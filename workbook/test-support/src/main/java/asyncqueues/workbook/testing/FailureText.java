package asyncqueues.workbook.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A failed test, written for a learner in a few lines: the test's name, the failure's message,
 * and the one line of the stack that matters, the learner's code if the failure passed through
 * it, or else the test's:
 * <pre>
 * Exercise 1.1: the consumer loop > survives a future that throws: later tasks still run, ...
 *   [the consumer thread is still running] Expecting value to be true but was false
 *   at step01-single-queue/src/main/java/asyncqueues/step01/AsyncRuntime.java:92 (AsyncRuntime.consume)
 * </pre>
 * Assertion failures show their message alone; other throwables their simple class name first.
 * Paths are shown relative to the workbook's root.
 *
 * @param sources     the stage's main sources (the learner's code), or {@code null}
 * @param testSources the stage's test sources, or {@code null}
 * @param root        the workbook's root, or {@code null} to show absolute paths
 */
public record FailureText(Path sources, Path testSources, Path root) {

    /** How many lines of a message are shown before it is cut. */
    static final int MESSAGE_LINES = 6;

    private static final Set<String> ASSERTIONS = Set.of(
            NotInTime.class.getName(), "java.lang.AssertionError", "org.opentest4j.AssertionFailedError");

    /** {@code test}'s failure in lines of at most {@code width} characters, each indented by {@code indent}. */
    public List<String> lines(TestResult test, String indent, int width) {
        List<String> lines = new ArrayList<>();
        wrap(test.name(), width - indent.length()).forEach(line -> lines.add(indent + line));
        TestFailure failure = test.failure();
        String more = indent + "  ";
        if (failure == null) {
            lines.add(more + "it did not run to its end");
            return lines;
        }
        String message = failure.message() == null ? "" : failure.message().strip();
        String headline = ASSERTIONS.contains(failure.type()) && !message.isEmpty() ? message : failure.headline();
        List<String> wrapped = wrap(headline, width - more.length());
        wrapped.stream().limit(MESSAGE_LINES).forEach(line -> lines.add(more + line));
        if (wrapped.size() > MESSAGE_LINES) {
            lines.add(more + "...");
        }
        String at = where(failure);
        if (at != null) {
            wrap("at " + at, width - more.length()).forEach(line -> lines.add(more + line));
        }
        return lines;
    }

    /** The whole stack of {@code failure}, its causes included, as Java prints it. */
    public static List<String> stack(TestFailure failure) {
        List<String> lines = new ArrayList<>();
        for (TestFailure at = failure; at != null; at = at.cause()) {
            lines.add((at == failure ? "" : "Caused by: ") + at.type() + (at.message() == null ? "" : ": " + at.message()));
            at.frames().forEach(frame -> lines.add("\tat " + frame));
        }
        return lines;
    }

    /** The first frame of the learner's code, else of the test's, as {@code path:line (Class.method)}. */
    String where(TestFailure failure) {
        Path tree = sources;
        StackTraceElement frame = failure.firstFrame(candidate -> inTree(sources, candidate));
        if (frame == null) {
            tree = testSources;
            frame = failure.firstFrame(candidate -> inTree(testSources, candidate));
        }
        if (frame == null) {
            return null;
        }
        String className = frame.getClassName();
        return shown(fileOf(tree, frame)) + ":" + frame.getLineNumber() + " ("
                + className.substring(className.lastIndexOf('.') + 1) + "." + frame.getMethodName() + ")";
    }

    /** {@code file} relative to the root, with {@code /} separators. */
    public String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path relative = root != null && absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        return relative.toString().replace('\\', '/');
    }

    private static boolean inTree(Path tree, StackTraceElement frame) {
        return tree != null && frame.getFileName() != null && Files.isRegularFile(fileOf(tree, frame));
    }

    private static Path fileOf(Path tree, StackTraceElement frame) {
        String className = frame.getClassName();
        int lastDot = className.lastIndexOf('.');
        String packagePath = lastDot < 0 ? "" : className.substring(0, lastDot).replace('.', '/');
        return tree.resolve(packagePath).resolve(frame.getFileName());
    }

    /** {@code text}'s lines, each broken at spaces into lines of at most {@code width} characters. */
    public static List<String> wrap(String text, int width) {
        List<String> wrapped = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String rest = line.stripTrailing();
            while (rest.length() > width) {
                int cut = rest.lastIndexOf(' ', width);
                if (cut <= 0) {
                    cut = width;
                }
                wrapped.add(rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
            }
            wrapped.add(rest);
        }
        return wrapped;
    }
}
