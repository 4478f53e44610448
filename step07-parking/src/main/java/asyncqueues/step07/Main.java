package asyncqueues.step07;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.Ticks;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Stage 7's program: stages 3's and 4's {@code run}, the chapter's first {@code main} with every
 * future labelled, on the parking runtime. Counter one goes to HIGH; counter two and the block of
 * four async fns go to LOW, which has one consumer of its own. The HIGH consumers, started by counter one, steal
 * LOW's work when they have none, so the three tasks run side by side on three threads.
 *
 * <p>Then it shows what parking changes: it leaves the consumers idle for a tick, counts how
 * often they woke meanwhile (stage 4's would wake ten times a second each), and spawns one more
 * task to the idle consumers, timing its first poll from its spawn (stage 4's could wait up to
 * 100 ms).
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
        Duration tick = Ticks.from(args);
        run(tick);
        System.out.println(idleThenSpawn(tick));
    }

    // Carried over from step03-priority-queues's Main.java by ./jbang stubs --write: run. Edit it there.
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
    // End of the carried-over code.

    /**
     * Leaves the consumers idle for {@code tick} and counts their wake-ups meanwhile; then spawns
     * a task that reads the clock on its first poll, and says how long after its spawn that was.
     */
    static String idleThenSpawn(Duration tick) throws InterruptedException {
        long wakeUpsBefore = AsyncRuntime.wakeUps();
        Thread.sleep(tick);
        long idleWakeUps = AsyncRuntime.wakeUps() - wakeUpsBefore;
        FutureOrderLabel<Long> clock = FutureOrderLabel.labelled(FutureType.HIGH,
                Futures.async((Supplier<Long>) System::nanoTime));
        long spawned = System.nanoTime();
        long waited = Futures.blockOn(AsyncRuntime.spawnTask(clock)) - spawned;
        return "idle for " + tick.toMillis() + " ms: " + idleWakeUps + " wake-ups; then a task spawned to idle"
                + " consumers was first polled " + TimeUnit.NANOSECONDS.toMicros(waited) + " microseconds later"
                + " (stage 4: up to 100 ms)";
    }
}
