package asyncqueues.step03;

import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.Ticks;
import java.time.Duration;
import java.util.Objects;

/**
 * Stage 3's program: a HIGH counter, a LOW counter, and a block of four async fns labelled HIGH.
 * As in stages 1 and 2, it spawns the three, sleeps for five ticks, says so, and then blocks on
 * the three tasks in turn.
 *
 * <p>The two HIGH tasks run side by side on the two HIGH consumers, and the LOW counter on the
 * LOW consumer. The block needs a label ({@link FutureOrderLabel#labelled}) before
 * {@code spawnTask} will take it: that is the cost of labels carried by the futures themselves.
 *
 * <p>A tick is the chapter's one second; with {@code --fast} it is 50 milliseconds.
 */
public final class Main {

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
        Task<Integer> one = AsyncRuntime.spawnTask(new CounterFuture(FutureType.HIGH, tick));
        Task<Integer> two = AsyncRuntime.spawnTask(new CounterFuture(FutureType.LOW, tick));
        // An async block carries no label: in this stage it must be given one.
        Task<Void> three = AsyncRuntime.spawnTask(FutureOrderLabel.labelled(FutureType.HIGH,
                Futures.sequence(asyncFn(tick), asyncFn(tick), asyncFn(tick), asyncFn(tick))));
        Thread.sleep(tick.multipliedBy(5));
        System.out.println("before the block");
        Futures.blockOn(one);
        Futures.blockOn(two);
        Futures.blockOn(three);
    }

    /** The chapter's {@code async fn}, with the chapter's one-second sleep. */
    public static Future<Void> asyncFn() {
        return asyncFn(Ticks.CHAPTER);
    }

    /** The chapter's {@code async fn}: its first poll sleeps a tick, holding its thread, and prints. */
    public static Future<Void> asyncFn(Duration tick) {
        Objects.requireNonNull(tick, "tick must not be null");
        return Futures.async(() -> {
            Ticks.sleep(tick);
            System.out.println("async fn");
        });
    }
}
