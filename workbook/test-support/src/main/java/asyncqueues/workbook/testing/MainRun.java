package asyncqueues.workbook.testing;

import asyncqueues.workbook.ConsoleCapture;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A stage's program running on a thread of its own, its console captured, started by
 * {@link Workers#startMain}. The chapter's {@code main} spawns its tasks, sleeps five ticks,
 * prints {@code before the block} and then blocks on every task: {@link #awaitReturn(Duration)}
 * checks both halves. Its waits are those of {@link Workers}: bounded by
 * {@link Workers#MAIN_RETURNS}, failing at once when no consumer is alive, and saying what the
 * program printed and what the consumers are doing.
 */
public final class MainRun implements AutoCloseable {

    /** Why a program does not return, whichever stage's it is. */
    static final String DID_NOT_RETURN = "Main did not return: it waits for a task that does not finish. A task"
            + " whose runnable was never queued (runnable.schedule()), or whose future returned Pending without a"
            + " wake (cx.waker().wake()), never finishes";

    private final Workers workers;
    private final ConsoleCapture console;
    private final long startNanos;
    private final Workers.Watched<Void> program;

    MainRun(Workers workers, Workers.Program program) {
        this.workers = workers;
        this.console = ConsoleCapture.start();
        this.startNanos = System.nanoTime();
        this.program = workers.startWatched(() -> {
            program.run();
            return null;
        });
    }

    /** What the program has printed so far. */
    public List<String> lines() {
        return console.lines();
    }

    /** Waits until what the program has printed satisfies {@code printed}; fails naming {@code what}. */
    public void awaitPrinted(Predicate<List<String>> printed, String what) {
        workers.await(Workers.MAIN_RETURNS, () -> printed.test(console.lines()),
                () -> "the program did not print " + what + "; it printed " + console.lines());
    }

    /**
     * Waits until the program has printed {@code before the block}, checks that this came no
     * sooner than five of its ticks after its start (main sleeps five ticks after its spawns), then
     * waits until it returns; returns what it printed.
     *
     * @param tick the program's tick: {@code Ticks.FAST} for {@code Main --fast}
     * @throws Exception what the program threw
     */
    public List<String> awaitReturn(Duration tick) throws Exception {
        Duration fiveTicks = tick.multipliedBy(5);
        awaitPrinted(lines -> lines.contains("before the block"), "'before the block'");
        Duration untilTheBlock = Duration.ofNanos(System.nanoTime() - startNanos);
        if (untilTheBlock.compareTo(fiveTicks) < 0) {
            throw new AssertionError("the program printed 'before the block' " + untilTheBlock.toMillis() + " ms after"
                    + " its start: main sleeps five ticks (" + fiveTicks.toMillis() + " ms) after its spawns");
        }
        return awaitReturn();
    }

    /**
     * Waits until the program returns, having blocked on every task; returns what it printed.
     *
     * @throws Exception what the program threw
     */
    public List<String> awaitReturn() throws Exception {
        workers.resultOf(Workers.MAIN_RETURNS, program, () -> DID_NOT_RETURN + "; it printed " + console.lines());
        return console.lines();
    }

    /** Stops capturing the console (the program's thread, a daemon, is left to end or to be forgotten). */
    @Override
    public void close() {
        console.close();
    }
}
