package asyncqueues.step05;

import static asyncqueues.step05.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Futures;
import asyncqueues.workbook.testing.IsolatedStage;
import asyncqueues.workbook.testing.ThreadReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The given consumers: the threads a queue starts, in a world of their own ({@link IsolatedStage},
 * where the runtime starts from nothing). The loop they run is stage 4's, and so are its tests
 * ({@code StealingLoopTest}).
 */
@Timeout(30)
class ConsumersTest {

    /** How many times the idle test looks at each consumer, and how often: a second or more in all. */
    private static final int SAMPLES = 200;
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(5);

    @Test
    void consumersAreDaemonThreads() throws Throwable {
        IsolatedStage.run(ConsumersAreDaemons.class);
    }

    @Test
    void idleConsumersSleepInsteadOfSpinning() throws Throwable {
        IsolatedStage.run(IdleConsumersSleep.class);
    }

    static final class ConsumersAreDaemons implements Executable {
        @Override
        public void execute() {
            WORKERS.awaitFinished(AsyncRuntime.spawnTask(Futures.ready(1), FutureType.HIGH),
                    AsyncRuntime.spawnTask(Futures.ready(2), FutureType.LOW));

            List<Thread> consumers = IsolatedStage.workers();
            assertThat(consumers).extracting(Thread::getName)
                    .anyMatch(name -> name.startsWith("high-worker-"))
                    .anyMatch(name -> name.startsWith("low-worker-"));
            assertThat(consumers).allSatisfy(consumer -> assertThat(consumer.isDaemon())
                    .as("%s is a daemon thread (one that is not keeps the program alive after main returns)",
                            consumer.getName())
                    .isTrue());
        }
    }

    /**
     * With both queues empty, a consumer sleeps {@code IDLE_WAIT} between looks at them, and so
     * is found sleeping in nearly every look at it; a consumer that spins instead keeps a core
     * busy, and is found running every time. Its thread's state, unlike its speed, does not
     * depend on how loaded the machine is. A consumer woken from its sleep may wait a while for a
     * core, so the test asks for three looks in four, not all of them; a spinning one gets none.
     */
    static final class IdleConsumersSleep implements Executable {
        @Override
        public void execute() {
            System.setProperty(AsyncRuntime.HIGH_NUM, "1"); // IsolatedStage puts it back afterwards
            WORKERS.awaitFinished(AsyncRuntime.spawnTask(Futures.ready(1), FutureType.HIGH),
                    AsyncRuntime.spawnTask(Futures.ready(2), FutureType.LOW));
            List<Thread> consumers = IsolatedStage.workers();
            assertThat(consumers).extracting(Thread::getName).containsExactly("high-worker-1", "low-worker-1");

            int[] waiting = new int[consumers.size()];
            for (int sample = 0; sample < SAMPLES; sample++) {
                for (int i = 0; i < consumers.size(); i++) {
                    Thread.State state = consumers.get(i).getState();
                    if (state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING) {
                        waiting[i]++;
                    }
                }
                LockSupport.parkNanos(SAMPLE_EVERY.toNanos());
            }

            for (int i = 0; i < consumers.size(); i++) {
                Thread consumer = consumers.get(i);
                assertThat(waiting[i])
                        .as("of %d looks at %s, idle with both queues empty, the number that found it sleeping"
                                + " (a consumer that does not sleep between looks at the queues keeps a core busy"
                                + " for nothing; %s)", SAMPLES, consumer.getName(), ThreadReport.describe(consumer))
                        .isGreaterThanOrEqualTo(SAMPLES * 3 / 4);
            }
        }
    }
}
