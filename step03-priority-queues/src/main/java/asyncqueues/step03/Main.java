package asyncqueues.step03;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.Ticks;
import java.time.Duration;

/**
 * The chapter's first {@code main} with every future labelled: counter one goes to HIGH; counter
 * two and the block of four async fns go to LOW. It spawns the three, sleeps for five ticks, says
 * so, and then blocks on the three tasks in turn. The block needs a label
 * ({@link FutureOrderLabel#labelled}) before {@code spawnTask} will take it: that is the cost of
 * labels carried by the futures themselves.
 *
 * <p>Stage 3 runs counter two and the block one after the other on LOW's one consumer, while a
 * HIGH consumer idles. Stage 4 runs this program again, unchanged: its HIGH consumers steal LOW's
 * work, and the three tasks run side by side.
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

    /** The chapter's {@code main}, with {@code tick} for its sleeps. */
    static void run(Duration tick) throws InterruptedException {
        Task<Integer> one = AsyncRuntime.spawnTask(new CounterFuture(FutureType.HIGH, tick));
        Task<Integer> two = AsyncRuntime.spawnTask(new CounterFuture(FutureType.LOW, tick));
        // An async block carries no label: in this stage it must be given one.
        Task<Void> three = AsyncRuntime.spawnTask(FutureOrderLabel.labelled(FutureType.LOW,
                Futures.sequence(asyncFn(tick), asyncFn(tick), asyncFn(tick), asyncFn(tick))));
        Thread.sleep(tick.multipliedBy(5));
        System.out.println("before the block");
        Futures.blockOn(one);
        Futures.blockOn(two);
        Futures.blockOn(three);
    }
}
