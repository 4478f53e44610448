package asyncqueues.workbook;

import java.time.Duration;

/**
 * The stage programs' clock, which is the workbook's and not the chapter's: the chapter's programs
 * sleep one second at a time, and {@code --fast} makes that 50 milliseconds, so that a program
 * runs twenty times faster and prints the same lines. Each stage's {@code Main} takes its tick from
 * here, and is the chapter's {@code main} and little else.
 */
public final class Ticks {

    /** The chapter's tick. */
    public static final Duration CHAPTER = Duration.ofSeconds(1);

    /** The tick with {@code --fast}. */
    public static final Duration FAST = Duration.ofMillis(50);

    private Ticks() {}

    /**
     * The tick a stage program's arguments ask for: {@link #FAST} with {@code --fast}, else
     * {@link #CHAPTER}.
     *
     * @throws IllegalArgumentException for any other argument, naming it
     */
    public static Duration from(String[] args) {
        Duration tick = CHAPTER;
        for (String arg : args) {
            if (!arg.equals("--fast")) {
                throw new IllegalArgumentException("unknown argument '" + arg
                        + "': the only option is --fast (50 ms ticks instead of the chapter's 1 s)");
            }
            tick = FAST;
        }
        return tick;
    }

    /**
     * Sleeps for {@code duration}, as the chapter's {@code std::thread::sleep} does. An interrupt
     * ends the sleep early and is kept (the thread's interrupt status is set again) for the
     * caller to see, rather than failing the future that sleeps.
     */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
