package asyncqueues.step01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Poll;
import asyncqueues.workbook.testing.TestFutures;
import asyncqueues.workbook.testing.Within;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("AsyncBlock, the hand-written state machine")
@Timeout(30)
class AsyncBlockTest {

    private static final String GOES_ON = "when the future it awaits is Ready, the same poll goes on to the next";

    private final List<String> log = new ArrayList<>();
    private final AtomicInteger wakes = new AtomicInteger();
    private final Context cx = new Context(wakes::incrementAndGet);

    /**
     * Logs "name#n" on its n-th poll; Pending (after a wake) until its {@code polls}-th poll. A poll
     * after it was Ready fails the test at once: a block that does not move on would poll it forever.
     */
    private <T> Future<T> step(String name, int polls, T value) {
        AtomicInteger count = new AtomicInteger();
        return cx -> {
            if (count.get() >= polls) {
                throw new AssertionError("AsyncBlock polled " + name + " again after it was Ready: once the future"
                        + " it awaits is Ready, the block must move on to its next state (log: " + log + ")");
            }
            log.add(name + "#" + count.incrementAndGet());
            if (count.get() < polls) {
                cx.waker().wake();
                return Poll.pending();
            }
            return Poll.ready(value);
        };
    }

    @Test
    @DisplayName("Exercise 1.5: awaits first, then second, resuming after each Pending where it left off")
    @Tag("exercise-1.5")
    void awaitsInOrderAndResumes() {
        AsyncBlock<String> block = new AsyncBlock<>(step("first", 2, "a"), step("second", 2, "b"));

        assertThat(block.poll(cx)).isEqualTo(Poll.pending());
        assertThat(log).containsExactly("first#1");
        assertThat(block.poll(cx)).isEqualTo(Poll.pending());
        assertThat(log).as("first is ready, so the same poll goes on to second")
                .containsExactly("first#1", "first#2", "second#1");
        assertThat(block.poll(cx)).isEqualTo(Poll.ready("b"));
        assertThat(log).as("a finished step is not polled again")
                .containsExactly("first#1", "first#2", "second#1", "second#2");
        assertThat(wakes).as("the wakes come from the awaited futures").hasValue(2);
    }

    @Test
    @DisplayName("Exercise 1.5: when both are ready at once, one poll is Ready with second's value")
    @Tag("exercise-1.5")
    void readyInOnePoll() {
        AsyncBlock<String> block = new AsyncBlock<>(step("first", 1, "a"), step("second", 1, "b"));

        assertThat(block.poll(cx)).as(GOES_ON).isEqualTo(Poll.ready("b"));
        assertThat(log).containsExactly("first#1", "second#1");
    }

    @Test
    @DisplayName("Exercise 1.5: a poll after Ready is an error, as in Rust")
    @Tag("exercise-1.5")
    void pollAfterReadyFails() {
        AsyncBlock<String> block = new AsyncBlock<>(step("first", 1, "a"), step("second", 1, "b"));
        assertThat(block.poll(cx)).as(GOES_ON).isEqualTo(Poll.ready("b"));

        assertThatIllegalStateException().isThrownBy(() -> block.poll(cx));
        assertThat(log).containsExactly("first#1", "second#1");
    }

    @Test
    @Timeout(10)
    @DisplayName("Exercise 1.5: Futures.blockOn runs a block of self-waking futures to its value")
    @Tag("exercise-1.5")
    void blockOnRunsIt() throws Exception {
        AsyncBlock<Integer> block = new AsyncBlock<>(TestFutures.readyOnPoll(2), TestFutures.readyOnPoll(3));

        assertThat(Within.call(Within.MOMENT, () -> Futures.blockOn(block),
                () -> "Futures.blockOn(block) did not return: the block is Pending, and nothing woke it."
                        + " AsyncBlock.poll may return Pending only when the future it awaits did (that future has"
                        + " arranged the wake); " + GOES_ON))
                .isEqualTo(3);
    }

    @Test
    @DisplayName("polls nothing when created, and rejects null futures, naming which")
    void createdLazilyAndRejectsNull() {
        new AsyncBlock<>(step("first", 1, "a"), step("second", 1, "b"));
        assertThat(log).isEmpty();

        assertThatNullPointerException().isThrownBy(() -> new AsyncBlock<>(null, Futures.ready("b")))
                .withMessageContaining("first");
        assertThatNullPointerException().isThrownBy(() -> new AsyncBlock<>(Futures.ready("a"), null))
                .withMessageContaining("second");
    }
}
