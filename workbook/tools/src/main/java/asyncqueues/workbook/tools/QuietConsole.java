package asyncqueues.workbook.tools;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Silences {@code System.out} and {@code System.err} until closed, then puts back the streams it
 * found. The stages print the chapter's lines from every thread; while the tools run their tests
 * those lines are noise around the tools' own output, which goes to streams the tools were given.
 */
final class QuietConsole implements AutoCloseable {

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    private QuietConsole() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true);
        System.setOut(nowhere);
        System.setErr(nowhere);
    }

    static QuietConsole start() {
        return new QuietConsole();
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
    }
}
