package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The helpers that stand in for {@code async} and {@code .await}, and {@link Poll} and {@link Result}. */
@DisplayName("Futures, Poll and Result")
@Timeout(10)
class FuturesTest {

    /** Polls {@code future} once with a waker that does nothing. */
    private static <T> Poll<T> pollOnce(Future<T> future) {
        return future.poll(new Context(Waker.noop()));
    }

    @Nested
    @DisplayName("Futures.async")
    class Async {

        @Test
        @DisplayName("runs its body on the first poll, not when it is made")
        void bodyRunsOnFirstPoll() {
            List<String> log = new ArrayList<>();

            Future<Integer> future = Futures.async(() -> {
                log.add("body");
                return 42;
            });
            assertThat(log).as("after creation").isEmpty();

            assertThat(pollOnce(future)).isEqualTo(Poll.ready(42));
            assertThat(log).containsExactly("body");
        }

        @Test
        @DisplayName("a body with no value makes a future ready with null")
        void voidBodyIsReadyWithNull() {
            List<String> log = new ArrayList<>();

            Future<Void> future = Futures.async(() -> {
                log.add("body");
            });
            assertThat(log).isEmpty();

            assertThat(pollOnce(future)).isEqualTo(Poll.ready(null));
            assertThat(log).containsExactly("body");
        }

        @Test
        @DisplayName("a spawned async body runs when the task's runnable runs, not at the spawn")
        void spawnedBodyRunsWhenTheRunnableRuns() {
            List<String> log = new ArrayList<>();
            ManualQueue queue = new ManualQueue();

            Task<Void> task = queue.spawn(Futures.async(() -> {
                log.add("async fn");
            }));
            assertThat(log).isEmpty();

            queue.runNext();
            assertThat(log).containsExactly("async fn");
            assertThat(task.isFinished()).isTrue();
        }

        @Test
        @DisplayName("polled again after it was ready, it throws instead of running its body again")
        void runsItsBodyOnce() {
            List<String> log = new ArrayList<>();
            Future<Integer> future = Futures.async(() -> {
                log.add("body");
                return 42;
            });
            assertThat(pollOnce(future)).isEqualTo(Poll.ready(42));

            assertThatIllegalStateException()
                    .isThrownBy(() -> pollOnce(future))
                    .withMessageContaining("polled again after it was ready");
            assertThat(log).containsExactly("body");
        }

        @Test
        @DisplayName("a null body is refused")
        void nullBody() {
            assertThatNullPointerException()
                    .isThrownBy(() -> Futures.async((Supplier<Object>) null))
                    .withMessage("body must not be null");
            assertThatNullPointerException()
                    .isThrownBy(() -> Futures.async((Runnable) null))
                    .withMessage("body must not be null");
        }
    }

    @Nested
    @DisplayName("Futures.sequence")
    class Sequence {

        /** Logs each poll; Pending (after waking its task) for the first {@code pendingPolls} polls. */
        private static Future<String> step(List<String> log, String name, int pendingPolls) {
            int[] polls = {0};
            return cx -> {
                log.add(name);
                if (polls[0]++ < pendingPolls) {
                    cx.waker().wake();
                    return Poll.pending();
                }
                return Poll.ready(name);
            };
        }

        @Test
        @DisplayName("awaits its steps in order, and resumes at a pending step without polling the finished ones")
        void awaitsInOrderAndResumes() {
            List<String> log = new ArrayList<>();
            Future<Void> sequence = Futures.sequence(
                    step(log, "a", 0), step(log, "b", 2), step(log, "c", 0));

            assertThat(pollOnce(sequence).isPending()).isTrue();
            assertThat(log).containsExactly("a", "b");
            assertThat(pollOnce(sequence).isPending()).isTrue();
            assertThat(pollOnce(sequence)).isEqualTo(Poll.ready(null));

            assertThat(log).containsExactly("a", "b", "b", "b", "c");
        }

        @Test
        @DisplayName("runs nothing until it is polled")
        void lazy() {
            List<String> log = new ArrayList<>();

            Futures.sequence(Futures.async(() -> {
                log.add("async fn");
            }));

            assertThat(log).isEmpty();
        }

        @Test
        @DisplayName("as a spawned task, is polled again after each pending step")
        void spawned() {
            List<String> log = new ArrayList<>();
            ManualQueue queue = new ManualQueue();
            Task<Void> task = queue.spawn(Futures.sequence(step(log, "a", 1), step(log, "b", 1)));

            queue.runAll();

            assertThat(log).containsExactly("a", "a", "b", "b");
            assertThat(queue.scheduled()).as("the first schedule and one per pending step").isEqualTo(3);
            assertThat(task.isFinished()).isTrue();
        }

        @Test
        @DisplayName("releases each step once it has finished")
        void releasesFinishedSteps() {
            List<String> log = new ArrayList<>();
            List<WeakReference<Future<String>>> finished = new ArrayList<>();
            Future<Void> sequence = sequenceOfTwoFinishedAndOnePending(log, finished);

            assertThat(pollOnce(sequence).isPending()).isTrue();

            Collected.awaitCleared("the finished steps", finished);
            assertThat(pollOnce(sequence)).isEqualTo(Poll.ready(null));
        }

        private static Future<Void> sequenceOfTwoFinishedAndOnePending(
                List<String> log, List<WeakReference<Future<String>>> finished) {
            Future<String> a = step(log, "a", 0);
            Future<String> b = step(log, "b", 0);
            finished.add(new WeakReference<>(a));
            finished.add(new WeakReference<>(b));
            return Futures.sequence(List.of(a, b, step(log, "c", 1)));
        }

        @Test
        @DisplayName("of no steps is ready at once")
        void empty() {
            assertThat(pollOnce(Futures.sequence())).isEqualTo(Poll.ready(null));
        }

        @Test
        @DisplayName("copies its list: a later change to the list changes nothing")
        void copiesTheList() {
            List<String> log = new ArrayList<>();
            List<Future<?>> steps = new ArrayList<>(List.of(step(log, "a", 0)));
            Future<Void> sequence = Futures.sequence(steps);

            steps.add(step(log, "added later", 0));

            assertThat(pollOnce(sequence)).isEqualTo(Poll.ready(null));
            assertThat(log).containsExactly("a");
        }

        @Test
        @DisplayName("a null step is refused, naming its index")
        void nullStep() {
            assertThatNullPointerException()
                    .isThrownBy(() -> Futures.sequence(Futures.ready(1), null))
                    .withMessage("step 1 must not be null");
            assertThatNullPointerException()
                    .isThrownBy(() -> Futures.sequence((Future<?>[]) null))
                    .withMessage("steps must not be null");
            assertThatNullPointerException()
                    .isThrownBy(() -> Futures.sequence((List<Future<?>>) null))
                    .withMessage("steps must not be null");
        }
    }

    @Nested
    @DisplayName("Futures.ready and Futures.blockOn")
    class ReadyAndBlockOn {

        @Test
        @DisplayName("ready is ready with its value on every poll")
        void ready() {
            Future<String> ready = Futures.ready("value");

            assertThat(pollOnce(ready)).isEqualTo(Poll.ready("value"));
            assertThat(pollOnce(ready)).isEqualTo(Poll.ready("value"));
        }

        @Test
        @DisplayName("blockOn of null is refused, naming the future")
        void blockOnNull() {
            assertThatNullPointerException()
                    .isThrownBy(() -> Futures.blockOn(null))
                    .withMessage("future must not be null");
        }
    }

    @Nested
    @DisplayName("Poll")
    class Polls {

        @Test
        @DisplayName("every Pending is one shared instance, and each kind knows what it is")
        void pendingAndReady() {
            assertThat(Poll.<String>pending()).isSameAs(Poll.<Integer>pending());
            assertThat(Poll.pending().isPending()).isTrue();
            assertThat(Poll.pending().isReady()).isFalse();
            assertThat(Poll.ready(null).isReady()).isTrue();
            assertThat(Poll.ready(1).isPending()).isFalse();
        }

        @Test
        @DisplayName("a switch over a Poll needs no default branch")
        void exhaustiveSwitch() {
            assertThat(describe(Poll.ready(7))).isEqualTo("ready 7");
            assertThat(describe(Poll.pending())).isEqualTo("pending");
        }

        private static String describe(Poll<Integer> poll) {
            return switch (poll) {
                case Poll.Ready<Integer>(Integer value) -> "ready " + value;
                case Poll.Pending<Integer> pending -> "pending";
            };
        }
    }

    @Nested
    @DisplayName("Result.catching")
    class Results {

        @Test
        @DisplayName("a value becomes Ok")
        void ok() {
            Result<String> result = Result.catching(() -> "value");

            assertThat(result).isEqualTo(new Result.Ok<>("value"));
            assertThat(result.isOk()).isTrue();
        }

        @Test
        @DisplayName("what the body throws becomes Err, the very throwable")
        void err() {
            IllegalStateException thrown = new IllegalStateException("boom");

            Result<String> result = Result.catching(() -> {
                throw thrown;
            });

            assertThat(result).isInstanceOfSatisfying(Result.Err.class,
                    err -> assertThat(err.error()).isSameAs(thrown));
            assertThat(result.isOk()).isFalse();
        }

        @Test
        @DisplayName("a null body, or an Err without an error, is refused")
        void nulls() {
            assertThatNullPointerException()
                    .isThrownBy(() -> Result.catching(null))
                    .withMessage("body must not be null");
            assertThatNullPointerException()
                    .isThrownBy(() -> new Result.Err<String>(null))
                    .withMessage("error must not be null");
        }
    }
}
