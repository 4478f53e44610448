package asyncqueues.step04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Poll;
import asyncqueues.task.Waker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The given parts of the runtime: its argument checks and labels. */
@Timeout(30)
class AsyncRuntimeTest {

    private static final Context NO_WAKES = new Context(Waker.noop());

    @Test
    void spawnTaskRejectsANullFuture() {
        assertThatThrownBy(() -> AsyncRuntime.spawnTask(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("future");
    }

    @Test
    void spawnTaskRejectsAFutureWithoutAnOrder() {
        FutureOrderLabel<Integer> unlabelled = new FutureOrderLabel<>() {
            @Override
            public FutureType getOrder() {
                return null;
            }

            @Override
            public Poll<Integer> poll(Context cx) {
                return Poll.ready(1);
            }
        };
        assertThatThrownBy(() -> AsyncRuntime.spawnTask(unlabelled))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("getOrder() returned null");
    }

    @Test
    void labelledGivesAPlainFutureALabel() {
        Future<String> plain = Futures.ready("value");

        FutureOrderLabel<String> labelled = FutureOrderLabel.labelled(FutureType.HIGH, plain);

        assertThat(labelled.getOrder()).isEqualTo(FutureType.HIGH);
        assertThat(labelled.poll(NO_WAKES)).isEqualTo(Poll.ready("value"));
    }

    @Test
    void labelledRejectsNullsByName() {
        assertThatThrownBy(() -> FutureOrderLabel.labelled(null, Futures.ready(1)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("order");
        assertThatThrownBy(() -> FutureOrderLabel.labelled(FutureType.LOW, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("future");
    }
}
