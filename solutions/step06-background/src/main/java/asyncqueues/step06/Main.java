package asyncqueues.step06;

import static asyncqueues.step06.AsyncRuntime.join;
import static asyncqueues.step06.AsyncRuntime.spawnTask;

import asyncqueues.task.Future;
import asyncqueues.task.Task;
import asyncqueues.workbook.ExerciseNotDone;
import asyncqueues.workbook.Ticks;
import java.time.Duration;
import java.util.List;

/**
 * Stage 6's program, the chapter's last, in the two forms the chapter gives its background
 * process: {@link #run}, its final one, detaches the process's task, so that nothing can cancel
 * it; {@link #runKeepingTheHandle}, its first one, keeps the task while the work runs. Rust
 * cancels a task whose handle is dropped; Java drops nothing, so there the end of a
 * try-with-resources block closes the task, which cancels it. {@code main} runs {@link #run}.
 */
public final class Main extends AsyncFn {

    private Main() {}

    /** Runs the program; {@code --fast} for 50 ms ticks instead of the chapter's 1 s. */
    public static void main(String[] args) {
        run(Ticks.from(args));
    }

    /** The chapter's last program, with {@code tick} for its one-second sleeps. */
    static void run(Duration tick) {
        run(tick, new BackgroundProcess(tick));
    }

    /** The chapter's {@code spawn_task!(BackgroundProcess{}).detach();}, then the program's work. */
    static void run(Duration tick, Future<Void> process) {
        new AsyncRuntime().withLowNum(2).withHighNum(4).run();
        // EXERCISE 6.2 BEGIN: start the process so that nothing can cancel it, then work(tick)
        spawnTask(process).detach();
        work(tick);
        // EXERCISE 6.2 END
    }

    /** The chapter's {@code let _background = spawn_task!(BackgroundProcess{});}, kept for the work. */
    static void runKeepingTheHandle(Duration tick, Future<Void> process) {
        new AsyncRuntime().withLowNum(2).withHighNum(4).run();
        // EXERCISE 6.3 BEGIN: keep the process's task while work(tick) runs, then stop it
        try (Task<Void> background = spawnTask(process)) {
            work(tick);
        }
        // EXERCISE 6.3 END
    }

    /** What the chapter's program does while its background process fires. */
    static void work(Duration tick) {
        Task<Integer> one = spawnTask(new CounterFuture(tick), FutureType.HIGH);
        Task<Integer> two = spawnTask(new CounterFuture(tick));
        Task<Void> three = spawnTask(asyncFn(tick));
        List<Integer> outcome = join(one, two);
        join(three);
        System.out.println("outcome: " + outcome);
    }
}
