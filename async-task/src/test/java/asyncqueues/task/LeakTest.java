package asyncqueues.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A finished task lets go of its future. A million tasks go through a one-consumer queue; one in
 * ten thousand is sampled, its handle kept and its future watched through a weak reference. Once
 * the garbage collector has cleared every sampled future while the handles still live, no
 * finished task holds its future: the handles are all that a leak could hide behind.
 */
@DisplayName("finished tasks retain no futures")
@Tag("stress") // a million tasks and forced collections: seconds on a busy machine, so only the check runs them
class LeakTest {

    private static final int TASKS = 1_000_000;
    private static final int SAMPLE_EVERY = 10_000;
    /** Tasks in flight at most: the producer waits for the last of each batch before going on. */
    private static final int BATCH = 10_000;

    /** Pending once (after waking itself), then ready with its number: a poll, a wake, a poll. */
    private static final class YieldOnce implements Future<Integer> {
        private final int number;
        private boolean yielded;

        YieldOnce(int number) {
            this.number = number;
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            if (yielded) {
                return Poll.ready(number);
            }
            yielded = true;
            cx.waker().wake();
            return Poll.pending();
        }
    }

    private record Sample(int number, Task<Integer> task, WeakReference<YieldOnce> future) {}

    @Test
    @Timeout(60)
    @DisplayName("a million spawned and completed tasks: every sampled future is collected while its handle lives")
    void aMillionFinishedTasksRetainNoFutures() throws Exception {
        List<Sample> samples = new ArrayList<>();
        try (QueueExecutor executor = new QueueExecutor("leak", 1)) {
            for (int batchStart = 0; batchStart < TASKS; batchStart += BATCH) {
                Task<Integer> lastOfBatch = null;
                for (int number = batchStart; number < batchStart + BATCH; number++) {
                    if (number % SAMPLE_EVERY == SAMPLE_EVERY / 2) {
                        samples.add(spawnSample(executor, number));
                    } else {
                        lastOfBatch = executor.spawn(new YieldOnce(number));
                    }
                }
                assertThat(Futures.blockOn(lastOfBatch)).isEqualTo(batchStart + BATCH - 1);
            }
            assertThat(executor.failures()).isEmpty();
            assertThat(executor.scheduled()).as("two runs per task").isEqualTo(2 * TASKS);
        }

        assertThat(samples).hasSize(TASKS / SAMPLE_EVERY);
        Collected.awaitCleared("the sampled tasks' futures", samples.stream().map(Sample::future).toList());
        for (Sample sample : samples) {
            assertThat(sample.task().isFinished()).isTrue();
            assertThat(Futures.blockOn(sample.task())).as("a finished task keeps its value").isEqualTo(sample.number());
        }
        Reference.reachabilityFence(samples);
    }

    /** Spawns a sampled task; the future is made here so no local variable of the test holds it. */
    private static Sample spawnSample(QueueExecutor executor, int number) {
        YieldOnce future = new YieldOnce(number);
        return new Sample(number, executor.spawn(future), new WeakReference<>(future));
    }
}
