package asyncqueues.step06;

import asyncqueues.task.Future;
import asyncqueues.task.Task;
import asyncqueues.workbook.ExerciseNotDone;
import java.util.Objects;

/**
 * Two ways to start a background process, which differ in who can stop it.
 *
 * <h2>Detach versus close</h2>
 * In Rust, dropping a {@code Task} cancels it; so the chapter must either keep the task of its
 * background process alive for all of {@code main}, or {@code detach()} it, after which nothing
 * can cancel it and nobody has to hold it. Java has no drop: an object nobody holds is simply
 * collected some time later, with no effect on its task. The end of a scope is marked instead by
 * {@code try}-with-resources, and {@link Task} is {@link AutoCloseable}: {@code close()} cancels
 * the task unless it was detached. Hence the two methods:
 * <ul>
 *   <li>{@link #forProgram}: the process runs as long as the program does. Its task is detached
 *       and not even returned: there is nothing to hold, and nothing that closes a scope, now or
 *       after some later refactoring, can cancel it. The chapter's
 *       {@code spawn_task!(BackgroundProcess{}).detach()}.
 *   <li>{@link #forScope}: the process runs for one block. The caller gets the task and opens it
 *       in a {@code try}-with-resources statement, whose end closes it, which cancels the
 *       process: {@code try (Task<Void> monitor = Background.forScope(process)) { ... }}. The
 *       chapter's {@code let _background = spawn_task!(BackgroundProcess{});}, with the block's
 *       end standing for the drop.
 * </ul>
 * Both send the process to the default queue, LOW, as {@code spawnTask(future)} does.
 */
public final class Background {

    private Background() {}

    /**
     * Starts {@code process} for the rest of the program's life, and returns nothing to hold:
     * nothing can cancel it.
     *
     * @throws NullPointerException if {@code process} is {@code null}
     */
    public static void forProgram(Future<?> process) {
        Objects.requireNonNull(process, "process must not be null");
        // EXERCISE 6.2 BEGIN: start the process and let go of it, so that nothing can cancel it
        throw new ExerciseNotDone("6.2");
        // EXERCISE 6.2 END
    }

    /**
     * Starts {@code process} for one block, and returns its task: closing the task (at the end
     * of a {@code try}-with-resources statement) cancels the process.
     *
     * @throws NullPointerException if {@code process} is {@code null}
     */
    public static <T> Task<T> forScope(Future<T> process) {
        Objects.requireNonNull(process, "process must not be null");
        // EXERCISE 6.3 BEGIN: start the process and hand over the task whose close() stops it
        throw new ExerciseNotDone("6.3");
        // EXERCISE 6.3 END
    }
}
