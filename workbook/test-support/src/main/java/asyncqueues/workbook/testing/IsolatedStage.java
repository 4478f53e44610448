package asyncqueues.workbook.testing;

import java.util.List;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs a scenario of a stage's tests against a fresh copy of that stage's classes, in which no
 * queue has started and no consumer thread runs, as at the start of a program: the stages' use of
 * {@link IsolatedWorld}, which does the work.
 *
 * <p>The copy is of the scenario's package: a scenario is a nested class of one of the stage's
 * tests, so its package is the stage's ({@code asyncqueues.step05}), main and test classes alike.
 * The world's consumer threads are found by the names every stage gives them
 * ({@link Workers#CONSUMER_NAMES}), and the stage's configuration, the system properties
 * {@code HIGH_NUM} and {@code LOW_NUM} that stages 5 and 6 read and a scenario may set, is put back
 * afterwards (a stage that reads neither loses nothing by it).
 */
public final class IsolatedStage {

    /** The names of stage 5's and 6's {@code AsyncRuntime.HIGH_NUM} and {@code LOW_NUM}. */
    private static final List<String> CONFIGURATION = List.of("HIGH_NUM", "LOW_NUM");

    private IsolatedStage() {}

    /** Runs a new instance of {@code scenario} in a world of its own, and tears the world down. */
    public static void run(Class<? extends Executable> scenario) throws Throwable {
        IsolatedWorld.run(scenario, Executable::execute, Workers.CONSUMER_NAMES, CONFIGURATION);
    }

    /** The names of this world's live consumer threads, sorted; for code run by {@link #run}. */
    public static List<String> workerNames() {
        return workers().stream().map(Thread::getName).toList();
    }

    /** This world's live consumer threads, sorted by name; for code run by {@link #run}. */
    public static List<Thread> workers() {
        return IsolatedWorld.workers(Workers.CONSUMER_NAMES);
    }
}
