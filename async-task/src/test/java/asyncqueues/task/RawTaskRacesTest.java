package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The races of {@link RawTaskModelCheckTest} on real threads, thousands of rounds each, with the
 * same {@link RawTaskModel} checking the same invariants; and the races that need a task of their
 * own (a detach racing a refused first schedule, an await racing a detach).
 *
 * <p>Model checking tries every interleaving but cannot run where another tool instruments the
 * classes (pitest's mutation analysis, see MUTATION.md); these rounds can, and catch the same
 * faults, a compare-and-set taken for a success when it failed among them, by meeting each window
 * often enough.
 */
@DisplayName("RawTask's operations racing on real threads")
@Tag("stress") // 260,000 rounds: seconds on a busy machine, so only the check runs them
@Timeout(60)
class RawTaskRacesTest {

    private static final int ROUNDS = 20_000;
    /** For the races where each operation happens once per task, so each round gets one chance. */
    private static final int ONE_SHOT_ROUNDS = 60_000;

    @Test
    @DisplayName("a wake racing the poll that completes: the task finishes, its runnable is not queued again")
    void wakeRacesCompletion() {
        Race.repeat(ROUNDS, 2, round -> {
            RawTaskModel model = new RawTaskModel(1);
            return new Race.Round(List.of(model::runQueued, model::wake), () -> {
                model.checkInvariants();
                assertThat(model.task.isFinished()).isTrue();
            });
        });
    }

    @Test
    @DisplayName("a wake racing a Pending poll: exactly one more run, no wake lost")
    void wakeRacesPendingPoll() {
        Race.repeat(ROUNDS, 2, round -> {
            RawTaskModel model = new RawTaskModel(0);
            return new Race.Round(List.of(model::runQueued, model::wake), () -> {
                model.checkInvariants();
                model.runQueued();
                model.checkInvariants();
            });
        });
    }

    @Test
    @DisplayName("a storm of wakes against a consumer that runs whatever is queued: no wake lost, none doubled")
    void wakeStorm() throws InterruptedException {
        for (int storm = 0; storm < 20; storm++) {
            RawTaskModel model = new RawTaskModel(0);
            AtomicBoolean waking = new AtomicBoolean(true);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread consumer = Thread.ofPlatform().name("storm-consumer").start(() -> {
                try {
                    while (waking.get()) {
                        model.runQueued(); // every run changes the state a racing wake has just read
                    }
                } catch (Throwable thrown) {
                    failure.set(thrown);
                }
            });
            try {
                for (int wake = 0; wake < 5_000 && failure.get() == null; wake++) {
                    model.wake();
                }
            } finally {
                waking.set(false);
                consumer.join();
            }
            assertThat(failure.get()).as("what the consumer's runs threw").isNull();
            model.checkInvariants();
            model.runQueued();
            model.checkInvariants();
            model.checkNoWakeLost();
        }
    }

    @Test
    @DisplayName("a cancel racing the poll that completes: the awaiter finds what the cancel's result says")
    void cancelRacesCompletion() {
        Race.repeat(ROUNDS, 2, round -> {
            RawTaskModel model = new RawTaskModel(1);
            AtomicBoolean cancelled = new AtomicBoolean();
            return new Race.Round(List.of(model::runQueued, () -> cancelled.set(model.cancel())), () -> {
                model.runQueued();
                model.checkInvariants();
                String outcome = RawTaskModel.Awaiter.outcome(model.task, new RawTaskModel.Awaiter());
                assertThat(outcome).isEqualTo(cancelled.get() ? "cancelled" : "value");
            });
        });
    }

    @Test
    @DisplayName("wakes, a Pending poll and a cancel racing: no poll after the cancel, nothing queued twice")
    void wakeRunCancel() {
        Race.repeat(ROUNDS, 3, round -> {
            RawTaskModel model = new RawTaskModel(0);
            AtomicBoolean cancelled = new AtomicBoolean();
            return new Race.Round(List.of(model::runQueued, model::wake, () -> cancelled.set(model.cancel())), () -> {
                model.runQueued();
                model.checkInvariants();
                assertThat(cancelled).isTrue(); // never ready, so the cancel always finds it open
                assertThat(model.task.isFinished()).isTrue();
            });
        });
    }

    @Test
    @DisplayName("a detach racing the completing poll, with an awaiter waiting: it is woken and nothing throws")
    void detachRacesCompletion() {
        Race.repeat(ONE_SHOT_ROUNDS, 2, round -> {
            RawTaskModel model = new RawTaskModel(1);
            RawTaskModel.Awaiter awaiter = new RawTaskModel.Awaiter();
            assertThat(RawTaskModel.Awaiter.outcome(model.task, awaiter)).isEqualTo("pending");
            return new Race.Round(List.of(model::runQueued, model.task::detach), () -> {
                model.checkInvariants();
                awaiter.checkWokenIfItWaitedFor(model);
            });
        });
    }

    @Test
    @DisplayName("polls racing a detach of a finished task: the value, or the detach, never a dropped output")
    void pollsRaceDetach() {
        Race.repeat(ROUNDS, 2, round -> {
            RawTaskModel model = new RawTaskModel(1);
            model.runQueued();
            Runnable pollUntilDetached = () -> { // each poll is a chance for the detach to fall inside it
                String found;
                do {
                    found = RawTaskModel.Awaiter.outcome(model.task, new RawTaskModel.Awaiter());
                    assertThat(found).isIn("value", "detached");
                } while (found.equals("value"));
            };
            return new Race.Round(List.of(pollUntilDetached, model.task::detach),
                    () -> assertThat(model.raw.isDetached()).isTrue());
        });
    }

    @Test
    @DisplayName("two awaiters registering at once: the completion wakes each of them")
    void severalAwaiters() {
        Race.repeat(ROUNDS, 2, round -> {
            RawTaskModel model = new RawTaskModel(1);
            RawTaskModel.Awaiter first = new RawTaskModel.Awaiter();
            RawTaskModel.Awaiter second = new RawTaskModel.Awaiter();
            return new Race.Round(List.of(
                    () -> RawTaskModel.Awaiter.outcome(model.task, first),
                    () -> RawTaskModel.Awaiter.outcome(model.task, second)), () -> {
                model.runQueued();
                model.checkInvariants();
                first.checkWokenIfItWaitedFor(model);
                second.checkWokenIfItWaitedFor(model);
            });
        });
    }

    @Test
    @DisplayName("a detach racing a refused first schedule: the task still fails and is finished")
    void detachRacesRefusedFirstSchedule() {
        Race.repeat(ONE_SHOT_ROUNDS, 2, round -> {
            Spawned<String> spawned = AsyncTask.spawn(cx -> Poll.ready("value"), runnable -> {
                throw new IllegalStateException("the queue is closed");
            });
            Runnable schedule = () -> assertThatThrownBy(spawned.runnable()::schedule)
                    .hasMessage("the queue is closed");
            return new Race.Round(List.of(schedule, spawned.task()::detach),
                    () -> assertThat(spawned.task().isFinished()).isTrue());
        });
    }

    @Test
    @DisplayName("a cancel racing a refused first schedule: the awaiter finds the cancel or the refusal")
    void cancelRacesRefusedFirstSchedule() {
        Race.repeat(ROUNDS, 2, round -> {
            Spawned<String> spawned = AsyncTask.spawn(cx -> Poll.ready("value"), runnable -> {
                throw new IllegalStateException("the queue is closed");
            });
            AtomicBoolean cancelled = new AtomicBoolean();
            Runnable schedule = () -> assertThatThrownBy(spawned.runnable()::schedule)
                    .hasMessage("the queue is closed");
            return new Race.Round(List.of(schedule, () -> cancelled.set(spawned.task().cancel())), () -> {
                assertThat(spawned.task().isFinished()).isTrue();
                if (cancelled.get()) {
                    assertThat(RawTaskModel.Awaiter.outcome(spawned.task(), new RawTaskModel.Awaiter()))
                            .isEqualTo("cancelled");
                } else {
                    assertThatThrownBy(() -> spawned.task().poll(new Context(() -> {})))
                            .isInstanceOf(CompletionException.class)
                            .hasMessageContaining("refused the task's runnable before its first poll");
                }
            });
        });
    }
}
