package asyncqueues.step07;

import static asyncqueues.step07.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Futures;
import asyncqueues.workbook.Ticks;
import asyncqueues.workbook.testing.CounterPrintout;
import asyncqueues.workbook.testing.Within;
import asyncqueues.workbook.testing.Workers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stage 7's program: its printout with {@code --fast}, and what its last line says. */
@Timeout(30)
class MainTest {

    /** The line that follows the chapter's: what parking changes. */
    private static final Pattern LAST_LINE = Pattern.compile("idle for (?<tick>\\d+) ms: (?<wakeUps>\\d+) wake-ups;"
            + " then a task spawned to idle consumers was first polled (?<micros>\\d+) microseconds later"
            + " \\(stage 4: up to 100 ms\\)");

    @Test
    @DisplayName("Exercises 7.1, 7.2: Main --fast prints what the chapter's program prints, then what parking changes")
    @Tag("exercise-7.1")
    @Tag("exercise-7.2")
    void printsTheChaptersLines() throws Throwable {
        StageRuntime.startQueues(); // as Main's first two spawns would: it prints the same
        List<String> lines = WORKERS.printedBy(() -> Main.main(new String[] {"--fast"}), Ticks.FAST);

        assertThat(lines.getLast()).matches(LAST_LINE.pattern().replace("(?<tick>\\d+)", "50"));
        CounterPrintout.assertTheChaptersFirstMain(lines.subList(0, lines.size() - 1));
    }

    /**
     * The figures of the program's last line, checked for what they must be whatever the machine:
     * no wake-up while every consumer is parked, a first poll within the call's own time, and a
     * tick spent idle.
     */
    @Test
    @DisplayName("Exercises 7.1, 7.2: Main's last line counts no wake-up while the consumers idle for a tick, and"
            + " times a new task's first poll from its spawn")
    @Tag("exercise-7.1")
    @Tag("exercise-7.2")
    void idleThenSpawnSaysWhatParkingChanges() throws Exception {
        StageRuntime.startQueues();
        StageRuntime.awaitAllParked();
        // A task spawned to parked consumers wakes one: so the count of wake-ups is not zero before the tick.
        WORKERS.awaitFinished(AsyncRuntime.spawnTask(FutureOrderLabel.labelled(FutureType.LOW, Futures.ready(1))));
        StageRuntime.awaitAllParked();
        Duration tick = Duration.ofMillis(20);

        long start = System.nanoTime();
        String line = Within.call(Workers.MAIN_RETURNS, () -> Main.idleThenSpawn(tick),
                () -> "Main.idleThenSpawn did not return: the task it spawned to idle consumers did not run");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        Matcher figures = LAST_LINE.matcher(line);
        assertThat(figures.matches()).as("'%s' is of the form %s", line, LAST_LINE).isTrue();
        assertThat(figures.group("tick")).isEqualTo("20");
        assertThat(Long.parseLong(figures.group("wakeUps"))).as("the wake-ups it counted while every consumer was"
                + " parked and nothing was spawned").isZero();
        assertThat(Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(Long.parseLong(figures.group("micros")))))
                .as("the wait it reports, from the spawn to the first poll: within the call's own time")
                .isLessThanOrEqualTo(took);
        assertThat(took).as("the call's length: a tick idle, then the spawn").isGreaterThanOrEqualTo(tick);
    }
}
