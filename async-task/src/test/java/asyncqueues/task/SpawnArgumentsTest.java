package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad input to the foundation fails at once, with a message that names the culprit. */
@DisplayName("bad arguments and broken futures")
@Timeout(10)
class SpawnArgumentsTest {

    /** Breaks the contract of {@link Future#poll}: it returns null instead of a Poll. */
    private static final class NullReturningFuture implements Future<String> {
        @Override
        public Poll<String> poll(Context cx) {
            return null;
        }
    }

    @Test
    @DisplayName("spawn of a null future names the future")
    void nullFuture() {
        assertThatNullPointerException()
                .isThrownBy(() -> AsyncTask.spawn(null, runnable -> {}))
                .withMessage("future must not be null");
    }

    @Test
    @DisplayName("spawn with a null schedule function names the schedule")
    void nullSchedule() {
        assertThatNullPointerException()
                .isThrownBy(() -> AsyncTask.spawn(Futures.ready(1), null))
                .withMessage("schedule must not be null");
    }

    @Test
    @DisplayName("a context without a waker names the waker")
    void contextWithoutWaker() {
        assertThatNullPointerException()
                .isThrownBy(() -> new Context(null))
                .withMessage("waker must not be null");
    }

    @Test
    @DisplayName("a task whose poll returns null fails, naming the future's class")
    void pollReturningNullFailsTheTask() {
        ManualQueue queue = new ManualQueue();
        Task<String> task = queue.spawn(new NullReturningFuture());

        assertThatNullPointerException()
                .isThrownBy(queue::runNext)
                .withMessageContaining(NullReturningFuture.class.getName() + ".poll returned null");
        assertThat(task).hasToString("Task[COMPLETED|FAILED]");
        assertThatExceptionOfType(CompletionException.class)
                .isThrownBy(() -> Futures.blockOn(task))
                .withCauseInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("blockOn of a future whose poll returns null fails at once, naming its class")
    void blockOnAPollReturningNull() {
        assertThatNullPointerException()
                .isThrownBy(() -> Futures.blockOn(new NullReturningFuture()))
                .withMessageContaining(NullReturningFuture.class.getName() + ".poll returned null");
    }

    @Test
    @DisplayName("a sequence step whose poll returns null fails at once, naming its class")
    void sequenceStepReturningNull() {
        Future<Void> sequence = Futures.sequence(Futures.ready(1), new NullReturningFuture());

        assertThatNullPointerException()
                .isThrownBy(() -> Futures.blockOn(sequence))
                .withMessageContaining(NullReturningFuture.class.getName() + ".poll returned null");
    }
}
