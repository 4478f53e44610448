package asyncqueues.step06;

import static asyncqueues.step06.AsyncRuntime.join;
import static asyncqueues.step06.AsyncRuntime.spawnTask;

import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.Ticks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Stage 6's program, the chapter's last: it configures the runtime with two LOW and four HIGH
 * consumer threads, starts a background process for the rest of the program, and does some other
 * work meanwhile (two counters and an async fn). The process fires about once a tick until
 * {@code main} returns, and with it the program: its consumer threads are daemons.
 *
 * <p>A tick is the chapter's one second; with {@code --fast} it is 50 milliseconds, so the
 * program runs twenty times faster and prints the same lines.
 */
public final class Main {

    private Main() {}

    /**
     * Runs the program.
     *
     * @param args nothing, or {@code --fast} for short ticks
     * @throws IllegalArgumentException for any other argument, naming it
     */
    public static void main(String[] args) {
        run(Ticks.from(args));
    }

    static void run(Duration tick) {
        new AsyncRuntime().withLowNum(2).withHighNum(4).run();
        Background.forProgram(new BackgroundProcess(tick)); // the chapter's spawn_task!(...).detach()

        Task<Integer> one = spawnTask(new CounterFuture(tick), FutureType.HIGH);
        Task<Integer> two = spawnTask(new CounterFuture(tick));
        Task<Void> three = spawnTask(asyncFn(tick));
        List<Integer> outcome = join(one, two);
        join(three);
        System.out.println("outcome: " + outcome);
    }

    /** The chapter's {@code async fn}, with the chapter's one-second sleep. */
    public static Future<Void> asyncFn() {
        return asyncFn(Ticks.CHAPTER);
    }

    /**
     * The chapter's {@code async fn}: a future whose body, run on its first poll, sleeps one tick
     * and prints {@code async fn}. The sleep blocks the consumer on purpose, as the chapter's does.
     *
     * @throws NullPointerException if {@code tick} is {@code null}
     */
    public static Future<Void> asyncFn(Duration tick) {
        Objects.requireNonNull(tick, "tick must not be null");
        return Futures.async(() -> {
            Ticks.sleep(tick);
            System.out.println("async fn");
        });
    }
}
