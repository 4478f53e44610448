package asyncqueues.step01;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.Ticks;
import java.time.Duration;

/**
 * The chapter's first {@code main}: it spawns two counters and a block of four async fns, sleeps
 * for five ticks, says so, and then blocks on the three tasks in turn. Stage 1 runs it on one
 * consumer; stage 2 runs it again, unchanged, on three, and the tasks then run side by side.
 *
 * <p>A tick is the chapter's one second; with {@code --fast} it is 50 milliseconds, so the
 * program runs twenty times faster and prints the same lines.
 */
public final class Main extends AsyncFn {

    private Main() {}

    /**
     * Runs the program.
     *
     * @param args nothing, or {@code --fast} for short ticks
     * @throws IllegalArgumentException for any other argument, naming it
     */
    public static void main(String[] args) throws InterruptedException {
        run(Ticks.from(args));
    }

    static void run(Duration tick) throws InterruptedException {
        Task<Integer> one = AsyncRuntime.spawnTask(new CounterFuture(tick));
        Task<Integer> two = AsyncRuntime.spawnTask(new CounterFuture(tick));
        Task<Void> three = AsyncRuntime.spawnTask(
                Futures.sequence(asyncFn(tick), asyncFn(tick), asyncFn(tick), asyncFn(tick)));
        Thread.sleep(tick.multipliedBy(5));
        System.out.println("before the block");
        Futures.blockOn(one);
        Futures.blockOn(two);
        Futures.blockOn(three);
    }
}
