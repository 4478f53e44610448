package asyncqueues.step05;

import static asyncqueues.step05.AsyncRuntime.join;
import static asyncqueues.step05.AsyncRuntime.spawnTask;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import asyncqueues.workbook.Ticks;
import java.time.Duration;
import java.util.List;

/**
 * Stage 5's program: the chapter's {@code main} with {@code spawn_task!} and {@code join!}. Counter
 * one and a block of two async fns go to HIGH, counter two and an async fn to the default queue.
 */
public final class Main extends AsyncFn {

    private Main() {}

    /** Runs the program; {@code --fast} for 50 ms ticks instead of the chapter's 1 s. */
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
}
