package asyncqueues.workbook.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The terminal that watch draws on and reads keys from.
 *
 * <p>Java reads the console a line at a time; a key that acts when pressed needs the terminal's
 * line editing off. Where standard input is a terminal with {@code stty} (Linux, macOS, WSL, Git
 * Bash), {@link #open} switches off line editing and echo with {@code stty -icanon -echo}, after
 * saving the settings that {@link #close} (or a shutdown hook, on Ctrl-C) puts back; Ctrl-C still
 * interrupts. Anywhere else the terminal stays as it is and a key acts when Enter follows it.
 * Each screen replaces the last on a terminal ({@code ESC[H ESC[2J}); elsewhere screens follow
 * one another, between rules. Colour is used on a terminal unless {@code NO_COLOR} is set.
 */
final class Terminal implements AutoCloseable {

    private static final String CLEAR = "\033[H\033[2J\033[3J";
    private static final int DEFAULT_WIDTH = 100;
    private static final int MAX_WIDTH = 120;

    private final PrintStream out;
    private final String savedSettings;
    private final boolean colour;
    private final int width;
    private final BlockingQueue<Integer> keys = new LinkedBlockingQueue<>();
    private final Thread restoreOnExit;

    private Terminal(InputStream in, PrintStream out, String savedSettings) {
        this.out = out;
        this.savedSettings = savedSettings;
        this.colour = savedSettings != null && System.getenv("NO_COLOR") == null;
        this.width = savedSettings == null ? DEFAULT_WIDTH : Math.min(MAX_WIDTH, columns().orElse(DEFAULT_WIDTH));
        this.restoreOnExit = new Thread(this::restore, "terminal-restore");
        Runtime.getRuntime().addShutdownHook(restoreOnExit);
        Thread.ofPlatform().daemon().name("terminal-keys").start(() -> readKeys(in));
    }

    /** The terminal on this process's standard input and {@code out}, keys acting at once if it can. */
    static Terminal open(InputStream in, PrintStream out) {
        Optional<String> settings = stty("-g");
        if (settings.isPresent() && stty("-icanon", "-echo", "min", "1").isPresent()) {
            return new Terminal(in, out, settings.get().strip());
        }
        return new Terminal(in, out, null);
    }

    /** Whether a key acts when pressed (else it waits for Enter). */
    boolean keysAtOnce() {
        return savedSettings != null;
    }

    int width() {
        return width;
    }

    /** The next key pressed within {@code wait}, as typed; empty if none was. */
    Optional<Character> nextKey(Duration wait) throws InterruptedException {
        Integer key = keys.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        return key == null ? Optional.empty() : Optional.of((char) key.intValue());
    }

    /** Replaces the screen with {@code screen}. */
    void show(String screen) {
        out.print(keysAtOnce() ? CLEAR : "\n" + "=".repeat(width) + "\n");
        out.print(screen);
        out.flush();
    }

    /** {@code text} in green, if colour is on. */
    String green(String text) {
        return colour ? "\033[32m" + text + "\033[0m" : text;
    }

    /** {@code text} in red, if colour is on. */
    String red(String text) {
        return colour ? "\033[31m" + text + "\033[0m" : text;
    }

    /** {@code text} in bold, if colour is on. */
    String bold(String text) {
        return colour ? "\033[1m" + text + "\033[0m" : text;
    }

    /** Each byte is a key; without {@code stty}, the first character of each line is. */
    private void readKeys(InputStream in) {
        try {
            boolean lineStart = true;
            for (int read = in.read(); read >= 0; read = in.read()) {
                if (keysAtOnce() || (lineStart && read != '\n' && read != '\r')) {
                    keys.add(read);
                }
                lineStart = read == '\n';
            }
        } catch (IOException closed) {
            // no more keys: watch goes on watching the files
        }
    }

    private static Optional<Integer> columns() {
        return stty("size").flatMap(size -> {
            String[] parts = size.strip().split("\\s+");
            try {
                return parts.length == 2 ? Optional.of(Integer.parseInt(parts[1])) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).filter(columns -> columns > 0);
    }

    /** Runs {@code stty} on this process's standard input; its output if it succeeded. */
    private static Optional<String> stty(String... arguments) {
        try {
            Process stty = new ProcessBuilder(concat("stty", arguments))
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String output = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return stty.waitFor() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException notThere) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static List<String> concat(String first, String... rest) {
        return Stream.concat(Stream.of(first), Arrays.stream(rest)).toList();
    }

    private synchronized void restore() {
        if (savedSettings != null) {
            stty(savedSettings);
        }
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
