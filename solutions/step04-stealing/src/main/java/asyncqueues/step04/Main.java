package asyncqueues.step04;

import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.Ticks;
import java.time.Duration;
import java.util.Objects;

/**
 * Stage 4's program: the chapter's first {@code main}, with every future labelled. Counter one
 * goes to HIGH; counter two and the block of four async fns go to LOW, which has one consumer of
 * its own. The HIGH consumers, started by counter one, steal LOW's work when they have none, so
 * the three tasks run side by side on three threads.
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
    public static void main(String[] args) throws InterruptedException {
        run(Ticks.from(args));
    }

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
