package asyncqueues.workbook.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for a test: a tmux session, 110 columns by 45 lines, with a shell in a given
 * folder, on a tmux server of its own (so that it starts with this JVM's environment, not that of
 * a tmux server someone else started). Keys go in with {@code send-keys}, the screen comes out
 * with {@code capture-pane}.
 */
final class Tmux implements AutoCloseable {

    private final String socket = "workbook-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final String session;

    private Tmux(String session) {
        this.session = session;
    }

    /** Whether tmux is installed. */
    static boolean exists() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException notThere) {
            return false;
        }
    }

    /** A new session named {@code session}, its shell in {@code dir}, JAVA_HOME this JVM's. */
    static Tmux open(Path dir, String session) {
        Tmux tmux = new Tmux(session);
        tmux.run("new-session", "-d", "-s", session, "-x", "110", "-y", "45", "-c", dir.toString(),
                "-e", "JAVA_HOME=" + System.getProperty("java.home"));
        return tmux;
    }

    /** Types {@code line} and Enter. */
    void type(String line) {
        run("send-keys", "-t", session, line, "Enter");
    }

    /** Presses one key. */
    void press(String key) {
        run("send-keys", "-t", session, key);
    }

    /** What the screen shows now. */
    String screen() {
        return run("capture-pane", "-p", "-t", session);
    }

    /** Waits, at most {@code bound}, until the screen shows {@code what}; returns that screen. */
    String awaitScreen(Duration bound, String what, Predicate<String> shows) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        String screen = screen();
        while (!shows.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the terminal did not show " + what + " within " + bound.toSeconds()
                        + " s; it shows:\n" + screen);
            }
            Thread.sleep(50); // the pace at which a person reads the screen: a bounded poll, not a wait on time
            screen = screen();
        }
        return screen;
    }

    private String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(arguments));
        try {
            Process tmux = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(tmux.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!tmux.waitFor(10, TimeUnit.SECONDS) || tmux.exitValue() != 0) {
                throw new AssertionError("tmux " + String.join(" ", arguments) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run tmux", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while tmux ran", e);
        }
    }

    /** Ends the session, and with it whatever still runs in its shell. */
    @Override
    public void close() {
        try {
            new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no server left to kill
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
