// Carried over unchanged from step03-priority-queues's tests by ./jbang stubs --write; edit it there.
package asyncqueues.step07;

import asyncqueues.workbook.testing.IsolatedWorld;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs a scenario against a fresh copy of this stage's classes, in which no queue has started and no consumer
 * thread runs, as at the start of a program: see {@link IsolatedWorld}, which does the work for
 * every stage.
 */
final class IsolatedStage {

    private static final Pattern CONSUMERS = Pattern.compile("(high|low)-worker-\\d+");

    private static final List<String> CONFIGURATION = List.of();

    private IsolatedStage() {}

    /** Runs a new instance of {@code scenario} in a world of its own, and tears the world down. */
    static void run(Class<? extends Executable> scenario) throws Throwable {
        IsolatedWorld.run(scenario, Executable::execute, CONSUMERS, CONFIGURATION);
    }

    /** The names of this world's live consumer threads, sorted; for code run by {@link #run}. */
    static List<String> workerNames() {
        return workers().stream().map(Thread::getName).toList();
    }

    /** This world's live consumer threads, sorted by name; for code run by {@link #run}. */
    static List<Thread> workers() {
        return IsolatedWorld.workers(CONSUMERS);
    }
}
