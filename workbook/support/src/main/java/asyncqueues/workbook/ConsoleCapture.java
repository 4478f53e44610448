package asyncqueues.workbook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what the program prints to {@code System.out}, so a test can check a stage's
 * printout ("runnable accepted", "polling with result: 1", ...) against the chapter's.
 *
 * <p>The stages print with {@code System.out.println}, as the chapter prints with
 * {@code println!}, from the test's thread and from consumer threads alike; so the capture
 * replaces {@code System.out} for everyone until it is closed, and one capture is open at a time.
 * <pre>{@code
 * try (ConsoleCapture console = ConsoleCapture.start()) {
 *     Main.main(new String[] {"--fast"});
 *     assertThat(console.lines()).contains("before the block");
 * }
 * }</pre>
 */
public final class ConsoleCapture implements AutoCloseable {

    private final PrintStream original;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private ConsoleCapture() {
        this.original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    /** Starts capturing {@code System.out}. */
    public static synchronized ConsoleCapture start() {
        return new ConsoleCapture();
    }

    /** The lines printed so far, in the order they were printed. */
    public List<String> lines() {
        String text = buffer.toString(StandardCharsets.UTF_8); // synchronized on the buffer
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    /** The number of printed lines equal to {@code line}. */
    public long count(String line) {
        return lines().stream().filter(line::equals).count();
    }

    /** Puts the original {@code System.out} back. */
    @Override
    public void close() {
        System.setOut(original);
    }
}
