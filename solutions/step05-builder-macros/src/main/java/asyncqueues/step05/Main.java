package asyncqueues.step05;

import static asyncqueues.step05.AsyncRuntime.join;
import static asyncqueues.step05.AsyncRuntime.spawnTask;

import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.Ticks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Stage 5's program: the chapter's {@code main} for the refactored {@code spawn_task!}, with its
 * {@code join!} and {@code try_join!}. It starts the runtime with the default numbers, spawns
 * counter one to HIGH, counter two and an async fn to the default queue (LOW), and a block of two
 * async fns to HIGH; then it joins the counters and try-joins the async fns, and prints both.
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
        new AsyncRuntime().run();

        Task<Integer> one = spawnTask(new CounterFuture(tick), FutureType.HIGH);
        Task<Integer> two = spawnTask(new CounterFuture(tick));
        Task<Void> three = spawnTask(asyncFn(tick));
        Task<Void> four = spawnTask(Futures.sequence(asyncFn(tick), asyncFn(tick)), FutureType.HIGH);

        List<Integer> outcome = join(one, two);
        List<Void> outcomeTwo = join(four, three);
        System.out.println("outcome: " + outcome);
        System.out.println("outcome two: " + outcomeTwo);
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
