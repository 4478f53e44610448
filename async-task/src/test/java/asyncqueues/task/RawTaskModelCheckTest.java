package asyncqueues.task;

import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The state machine of {@link RawTask}, its operations racing each other on two and three
 * threads, checked by Lincheck: model checking tries the interleavings of every shared-memory
 * access (each compare-and-set may fail at any point), and stress testing runs the same scenarios
 * on real threads.
 *
 * <p>Each scenario is a class of operations on one {@link RawTaskModel}. Lincheck checks that the
 * operations' results could have come from some sequential order of them (linearizability: two
 * cancels cannot both succeed, a cancel that succeeded cannot be followed by the value). The
 * runs all go to one thread, the consumer: taking the runnable from the queue and running it are
 * two steps, so two consumers would make results depend on which of them took it first, which
 * is no fault of the task's. The other operations race the consumer and each other. The
 * model's poll checks as it runs that no two threads poll and that the poller set RUNNING, and each
 * scenario's {@code @Validate} method checks, once the operations are done, that no wake was
 * lost, no run was scheduled that nobody woke, a ready future's task finished, and every awaiter
 * was woken.
 */
@DisplayName("RawTask, model-checked: racing operations in every interleaving")
@Timeout(120)
class RawTaskModelCheckTest {

    /** The group of the runs: Lincheck gives them all to one thread. */
    private static final String CONSUMER = "consumer";

    /**
     * What every scenario has: one task's model, the consumer's runs of it, and the invariants
     * checked once the operations are done ({@link #checkAlso} adds a scenario's own). Lincheck
     * finds the operations a scenario inherits.
     */
    public abstract static class Scenario {
        final RawTaskModel model;

        Scenario(int pendingPolls) {
            model = new RawTaskModel(pendingPolls);
        }

        @Operation(nonParallelGroup = CONSUMER)
        public void run() {
            model.runQueued();
        }

        @Validate
        public final void invariants() {
            model.checkInvariants();
            checkAlso();
        }

        /** A scenario's own checks, once the operations are done. */
        void checkAlso() {}
    }

    /** A wake racing the polls: Pending on the first, Ready on the second. */
    public static class WakeRacesRun extends Scenario {
        public WakeRacesRun() {
            super(2);
        }

        @Operation
        public void wake() {
            model.wake();
        }
    }

    /** Wakes, polls and cancels of a task that is never ready. */
    public static class WakeRunCancel extends Scenario {
        public WakeRunCancel() {
            super(0);
        }

        @Operation
        public void wake() {
            model.wake();
        }

        @Operation
        public boolean cancel() {
            return model.cancel();
        }
    }

    /**
     * Cancels racing the one poll that completes the task. What an awaiter finds is checked once
     * they are done, not while they race: a cancel during the poll takes effect when the poll
     * returns (DESIGN.md, semantics 4), so until then an awaiter rightly finds the task pending.
     */
    public static class CancelRacesCompletion extends Scenario {
        private final AtomicInteger cancelled = new AtomicInteger();

        public CancelRacesCompletion() {
            super(1);
        }

        @Operation
        public boolean cancel() {
            boolean closed = model.cancel();
            if (closed) {
                cancelled.incrementAndGet();
            }
            return closed;
        }

        @Override
        void checkAlso() {
            RawTaskModel.check(cancelled.get() <= 1, cancelled.get() + " cancels succeeded");
            String outcome = RawTaskModel.Awaiter.outcome(model.task, new RawTaskModel.Awaiter());
            if (cancelled.get() == 1) {
                RawTaskModel.check(outcome.equals("cancelled"), "a cancel succeeded, but an awaiter finds " + outcome);
            } else if (model.polls() > 0) {
                RawTaskModel.check(outcome.equals("value"), "the future was ready, but an awaiter finds " + outcome);
            }
        }
    }

    /** An awaiter, a detach and the completing poll, racing: each notifies the awaiter. */
    public static class DetachRacesCompletion extends Scenario {
        private final RawTaskModel.Awaiter awaiter = new RawTaskModel.Awaiter();

        public DetachRacesCompletion() {
            super(1);
        }

        @Operation
        public String await() {
            return RawTaskModel.Awaiter.outcome(model.task, awaiter);
        }

        @Operation
        public void detach() {
            model.task.detach();
        }

        @Override
        void checkAlso() {
            awaiter.checkWokenIfItWaitedFor(model);
        }
    }

    /** Two awaiters and the completing poll, racing: each awaiter must be woken. */
    public static class SeveralAwaiters extends Scenario {
        private final RawTaskModel.Awaiter first = new RawTaskModel.Awaiter();
        private final RawTaskModel.Awaiter second = new RawTaskModel.Awaiter();

        public SeveralAwaiters() {
            super(1);
        }

        @Operation
        public String awaitFirst() {
            return RawTaskModel.Awaiter.outcome(model.task, first);
        }

        @Operation
        public String awaitSecond() {
            return RawTaskModel.Awaiter.outcome(model.task, second);
        }

        @Override
        void checkAlso() {
            first.checkWokenIfItWaitedFor(model);
            second.checkWokenIfItWaitedFor(model);
        }
    }

    @Nested
    @DisplayName("model checking")
    class ModelChecking {

        @Test
        @DisplayName("a wake racing the polls: one poller, one more run per wake during a poll, no wake lost")
        void wakeRacesRun() {
            options().check(WakeRacesRun.class);
        }

        @Test
        @DisplayName("wakes, runs and cancels racing: two cancels never both succeed, a cancelled task is not polled")
        void wakeRunCancel() {
            options().threads(3).check(WakeRunCancel.class);
        }

        @Test
        @DisplayName("a cancel racing completion: either the value or the cancellation, never both")
        void cancelRacesCompletion() {
            options().check(CancelRacesCompletion.class);
        }

        @Test
        @DisplayName("a detach racing completion, with an awaiter: the awaiter is woken once, nothing throws")
        void detachRacesCompletion() {
            options().threads(3).check(DetachRacesCompletion.class);
        }

        @Test
        @DisplayName("two awaiters racing completion: each is woken")
        void severalAwaiters() {
            options().threads(3).check(SeveralAwaiters.class);
        }

        private static ModelCheckingOptions options() {
            return sized(new ModelCheckingOptions()).invocationsPerIteration(300);
        }
    }

    @Nested
    @DisplayName("stress")
    class Stress {

        @Test
        @DisplayName("every scenario on real threads")
        void everyScenario() {
            for (Class<?> scenario : new Class<?>[] {WakeRacesRun.class, WakeRunCancel.class,
                    CancelRacesCompletion.class, DetachRacesCompletion.class, SeveralAwaiters.class}) {
                sized(new StressOptions()).threads(3).iterations(4).invocationsPerIteration(1_000).check(scenario);
            }
        }
    }

    private static <O extends Options<O, ?>> O sized(O options) {
        return options.iterations(10).threads(2).actorsPerThread(2).actorsBefore(1).actorsAfter(1);
    }
}
