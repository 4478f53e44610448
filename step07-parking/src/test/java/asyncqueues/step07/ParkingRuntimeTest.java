package asyncqueues.step07;

import static asyncqueues.step07.AsyncRuntime.spawnTask;
import static asyncqueues.step07.StageRuntime.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;

import asyncqueues.task.Context;
import asyncqueues.task.Futures;
import asyncqueues.task.Poll;
import asyncqueues.task.Task;
import asyncqueues.task.Waker;
import asyncqueues.workbook.testing.AllAtOnce;
import asyncqueues.workbook.testing.IsolatedStage;
import asyncqueues.workbook.testing.TaskState;
import asyncqueues.workbook.testing.Within;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The parking runtime as a whole: its consumers run the loop of exercise 7.1 and its spawns and
 * wakes the schedule function of exercise 7.2. What stage 4's runtime did it must still do: those
 * tests are stage 4's, carried over. Which queues have started is global state that a
 * JVM cannot reset, so each test runs in a world of its own ({@link IsolatedStage}), where the
 * runtime starts from nothing, as in a new program.
 */
@DisplayName("Exercises 7.1, 7.2: the parking runtime")
@Tag("exercise-7.1")
@Tag("exercise-7.2")
@Timeout(30)
class ParkingRuntimeTest {

    /** How many consumer threads the runtime has once both queues have started (2 + 1). */
    private static final int ALL_CONSUMERS = AsyncRuntime.HIGH_CONSUMERS + AsyncRuntime.LOW_CONSUMERS;

    /** How many times a task is spawned to a runtime whose consumers are all parked. */
    private static final int SPAWN_ROUNDS = 100;

    /** How many times the stealing test floods LOW: each round must be shared by every consumer. */
    private static final int STEALING_ROUNDS = 5;

    /** How many tasks each of the two spawning threads spawns at once. */
    private static final int SPAWNS_PER_THREAD = 5_000;

    private static final String WAKE = "does the schedule function (exercise 7.2) call idle.wakeOne() after it"
            + " queues the runnable, and does the woken consumer (exercise 7.1) look at both queues?";

    @Test
    @DisplayName("idle consumers park, none wakes up while there is no work, and a spawn wakes"
            + " one of them")
    void idleConsumersStayParked() throws Throwable {
        IsolatedStage.run(IdleConsumersStayParked.class);
    }

    @Test
    @DisplayName("a task spawned while every consumer is parked runs (" + SPAWN_ROUNDS
            + " times, to either queue)")
    void aSpawnWakesAParkedRuntime() throws Throwable {
        IsolatedStage.run(SpawnsToAParkedRuntime.class);
    }

    @Test
    @DisplayName("a wake from another thread, while every consumer is parked, gets its task"
            + " polled again")
    void aWakeFromAnotherThreadWakesAParkedRuntime() throws Throwable {
        IsolatedStage.run(WakeFromAnotherThread.class);
    }

    @Test
    @DisplayName("parked HIGH consumers are woken for LOW tasks while the LOW consumer is busy:"
            + " they still steal")
    void parkedHighConsumersStealLowTasks() throws Throwable {
        IsolatedStage.run(ParkedHighConsumersStealLowTasks.class);
    }

    @Test
    @DisplayName("" + 2 * SPAWNS_PER_THREAD + " tasks spawned from two threads at once all run,"
            + " and then every consumer parks again")
    void spawnsFromTwoThreadsAllRun() throws Throwable {
        IsolatedStage.run(SpawnsFromTwoThreads.class);
    }

    /** Stage 4's consumers would each wake ten times a second here; these must not wake at all. */
    static final class IdleConsumersStayParked implements Executable {
        @Override
        public void execute() {
            StageRuntime.startQueues();
            StageRuntime.awaitAllParked();
            long wakeUps = AsyncRuntime.wakeUps();

            NothingHappens.during(() -> AsyncRuntime.wakeUps() != wakeUps,
                    () -> "with no work at all, the parked consumers woke up " + (AsyncRuntime.wakeUps() - wakeUps)
                            + " time(s): an idle consumer must stay parked until a runnable is queued");
            assertThat(AsyncRuntime.idleConsumers()).as("the consumers announced idle").isEqualTo(ALL_CONSUMERS);

            Task<Integer> task = spawnTask(FutureOrderLabel.labelled(FutureType.HIGH, Futures.ready(1)));
            WORKERS.awaitFinished(task);
            StageRuntime.awaitAllParked();
            assertThat(AsyncRuntime.wakeUps() - wakeUps).as("the wake-ups that one spawn to a parked runtime caused:"
                    + " one runnable, one consumer woken (idle.wakeOne(), once per runnable)").isEqualTo(1);
        }
    }

    static final class SpawnsToAParkedRuntime implements Executable {
        @Override
        public void execute() {
            StageRuntime.startQueues();
            for (int round = 1; round <= SPAWN_ROUNDS; round++) {
                StageRuntime.awaitAllParked();
                FutureType order = round % 2 == 0 ? FutureType.HIGH : FutureType.LOW;
                Task<Integer> task = spawnTask(FutureOrderLabel.labelled(order, Futures.ready(round)));
                int r = round;
                WORKERS.awaitUntil(task::isFinished, () -> "round " + r + ": a task spawned to " + order + " while"
                        + " every consumer was parked did not run (" + TaskState.explain(task) + "): " + WAKE);
            }
        }
    }

    static final class WakeFromAnotherThread implements Executable {
        @Override
        public void execute() throws Exception {
            StageRuntime.startQueues();
            AtomicReference<Waker> waker = new AtomicReference<>();
            Task<String> task = spawnTask(FutureOrderLabel.labelled(FutureType.LOW, (Context cx) -> {
                if (waker.getAndSet(cx.waker()) == null) {
                    return Poll.pending(); // the first poll: wait for the wake from the test's thread
                }
                return Poll.ready("woken");
            }));
            WORKERS.awaitUntil(() -> waker.get() != null, () -> "the task was not polled: "
                    + TaskState.explain(task));
            StageRuntime.awaitAllParked();

            Thread waking = Thread.ofPlatform().daemon().name("waking-thread").start(() -> waker.get().wake());
            waking.join(Within.MOMENT);

            WORKERS.awaitUntil(task::isFinished, () -> "the task, woken from another thread while every consumer was"
                    + " parked, was not polled again (" + TaskState.explain(task) + "): " + WAKE);
            assertThat(Futures.blockOn(task)).isEqualTo("woken");
        }
    }

    static final class ParkedHighConsumersStealLowTasks implements Executable {
        @Override
        public void execute() {
            Task<Integer> starter = spawnTask(FutureOrderLabel.labelled(FutureType.HIGH, Futures.ready(1)));
            WORKERS.awaitFinished(starter);

            for (int round = 0; round < STEALING_ROUNDS; round++) {
                StageRuntime.awaitAllParked();
                assertThat(runLowTasksThatNeedEveryConsumer())
                        .as("the threads that ran round %d's LOW tasks", round)
                        .containsExactly("high-worker-1", "high-worker-2", "low-worker-1");
            }
        }
    }

    /** A flood of spawns, from two threads at once, while the consumers are busy and while they park. */
    static final class SpawnsFromTwoThreads implements Executable {
        @Override
        public void execute() throws Exception {
            StageRuntime.startQueues();
            StageRuntime.awaitAllParked();
            AtomicInteger ran = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            List<FutureTask<Void>> spawners = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                FutureTask<Void> spawner = new FutureTask<>(() -> {
                    start.await();
                    for (int i = 0; i < SPAWNS_PER_THREAD; i++) {
                        FutureType order = i % 2 == 0 ? FutureType.HIGH : FutureType.LOW;
                        spawnTask(FutureOrderLabel.labelled(order, Futures.async(() -> {
                            ran.incrementAndGet();
                        })));
                    }
                    return null;
                });
                Thread.ofPlatform().daemon().name("spawner-" + s).start(spawner);
                spawners.add(spawner);
            }
            start.countDown();
            for (FutureTask<Void> spawner : spawners) {
                spawner.get(Within.MOMENT.toMillis(), TimeUnit.MILLISECONDS); // rethrows what a spawn threw
            }

            WORKERS.awaitUntil(() -> ran.get() == 2 * SPAWNS_PER_THREAD, () -> "of the " + 2 * SPAWNS_PER_THREAD
                    + " tasks spawned from two threads at once, only " + ran.get() + " ran: a runnable was queued and"
                    + " every consumer parked without taking it. " + WAKE);
            StageRuntime.awaitAllParked();
        }
    }

    /**
     * Spawns as many LOW tasks as there are consumers, each holding its thread until all of them
     * run: with one LOW consumer, they can all finish only if the HIGH consumers take LOW tasks as
     * well. Returns the names of the threads that ran them, sorted.
     */
    private static List<String> runLowTasksThatNeedEveryConsumer() {
        return AllAtOnce.threadsThatRan(WORKERS, ALL_CONSUMERS,
                future -> spawnTask(FutureOrderLabel.labelled(FutureType.LOW, future)),
                "Does each spawn wake an idle consumer (idle.wakeOne(), exercise 7.2), and"
                + " does a woken HIGH consumer take from the other queue when its own is empty (exercise 7.1)?");
    }

    // Carried over from step04-stealing's StealingRuntimeTest.java by ./jbang stubs --write: untouchedQueueHasNoConsumers, consumersAreDaemonThreads, UntouchedQueueHasNoConsumers, ConsumersAreDaemons, awaitQuietly. Edit it there.
    @Test
    @DisplayName("a queue nothing was spawned to has no consumers, so nobody steals"
            + " for the other one (the lazy-start pitfall)")
    void untouchedQueueHasNoConsumers() throws Throwable {
        IsolatedStage.run(UntouchedQueueHasNoConsumers.class);
    }

    @Test
    @DisplayName("the consumers, which run your loop, are daemon threads, so a program ends when"
            + " its main does")
    void consumersAreDaemonThreads() throws Throwable {
        IsolatedStage.run(ConsumersAreDaemons.class);
    }

    static final class UntouchedQueueHasNoConsumers implements Executable {
        @Override
        public void execute() {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            CountDownLatch firstRunning = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<Task<Integer>> tasks = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    tasks.add(spawnTask(FutureOrderLabel.labelled(FutureType.LOW, Futures.async(() -> {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        firstRunning.countDown();
                        awaitQuietly(release);
                        return running.getAndDecrement();
                    }))));
                }
                WORKERS.awaitUntil(() -> firstRunning.getCount() == 0, () -> "the first LOW task did not run: "
                        + TaskState.explain(tasks.getFirst()));

                // Nothing was spawned to HIGH, so its consumers never started: the one LOW
                // consumer is the only thread there is, and the other two tasks must wait.
                assertThat(IsolatedStage.workerNames()).containsExactly("low-worker-1");
                assertThat(running).hasValue(1);
            } finally {
                release.countDown();
            }
            WORKERS.awaitFinished(tasks.toArray(Task<?>[]::new));
            assertThat(mostAtOnce).as("the most tasks ever running at once").hasValue(1);
            assertThat(IsolatedStage.workerNames()).containsExactly("low-worker-1");
        }
    }

    /** Both queues' consumers are daemons; only a working loop keeps them alive to be looked at. */
    static final class ConsumersAreDaemons implements Executable {
        @Override
        public void execute() {
            StageRuntime.startQueues();

            List<Thread> consumers = IsolatedStage.workers();
            assertThat(consumers).extracting(Thread::getName)
                    .containsExactly("high-worker-1", "high-worker-2", "low-worker-1");
            assertThat(consumers).allSatisfy(consumer -> assertThat(consumer.isDaemon())
                    .as("%s is a daemon thread (one that is not keeps the program alive after main returns)",
                            consumer.getName())
                    .isTrue());
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(Within.MOMENT.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
    // End of the carried-over code.
}
