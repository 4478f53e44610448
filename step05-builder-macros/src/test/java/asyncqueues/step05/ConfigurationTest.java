package asyncqueues.step05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import asyncqueues.task.Futures;
import asyncqueues.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The given parts of the configuration: the builder's numbers, where {@code new AsyncRuntime()}
 * takes them from, and how a queue reads its number from the system properties when it starts.
 * Each test puts the properties back as they were.
 */
@Timeout(30)
class ConfigurationTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private String savedHigh;
    private String savedLow;

    @BeforeEach
    void saveProperties() {
        savedHigh = System.getProperty(AsyncRuntime.HIGH_NUM);
        savedLow = System.getProperty(AsyncRuntime.LOW_NUM);
    }

    @AfterEach
    void restoreProperties() {
        restore(AsyncRuntime.HIGH_NUM, savedHigh);
        restore(AsyncRuntime.LOW_NUM, savedLow);
    }

    @Test
    void defaultsAreTheChaptersMadeSafe() {
        clearProperties();

        AsyncRuntime runtime = new AsyncRuntime();

        assertThat(runtime.highNum()).isEqualTo(Math.max(1, CORES - 2)).isPositive();
        assertThat(runtime.lowNum()).isEqualTo(1);
    }

    @Test
    void withMethodsGiveANewRuntimeWithThatNumber() {
        clearProperties();
        AsyncRuntime defaults = new AsyncRuntime();

        AsyncRuntime configured = defaults.withLowNum(2).withHighNum(4);

        assertThat(configured.highNum()).isEqualTo(4);
        assertThat(configured.lowNum()).isEqualTo(2);
        assertThat(defaults.highNum()).as("the original is unchanged").isEqualTo(Math.max(1, CORES - 2));
        assertThat(defaults.lowNum()).as("the original is unchanged").isEqualTo(1);
    }

    @Test
    void theNewRuntimeStartsFromTheProperties() {
        System.setProperty(AsyncRuntime.HIGH_NUM, " 4 ");
        System.setProperty(AsyncRuntime.LOW_NUM, "2");

        AsyncRuntime runtime = new AsyncRuntime();

        assertThat(runtime.highNum()).as("java -DHIGH_NUM=4 is what run() will publish").isEqualTo(4);
        assertThat(runtime.lowNum()).isEqualTo(2);
        assertThat(runtime.withHighNum(1).highNum()).as("code overrides the property").isEqualTo(1);
    }

    @Test
    void theNewRuntimeRejectsABadPropertyNamingIt() {
        System.clearProperty(AsyncRuntime.HIGH_NUM);
        System.setProperty(AsyncRuntime.LOW_NUM, "none");

        assertThatThrownBy(AsyncRuntime::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LOW_NUM").hasMessageContaining("none");
    }

    @Test
    void withMethodsRejectFewerThanOneThreadByName() {
        assertThatThrownBy(() -> new AsyncRuntime().withHighNum(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("highNum");
        assertThatThrownBy(() -> new AsyncRuntime().withLowNum(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowNum");
    }

    @Test
    void aQueueUsesItsPropertyOrTheDefault() {
        System.clearProperty(AsyncRuntime.HIGH_NUM);
        System.setProperty(AsyncRuntime.LOW_NUM, " 3 ");

        assertThat(AsyncRuntime.consumerCount(FutureType.HIGH)).isEqualTo(Math.max(1, CORES - 2));
        assertThat(AsyncRuntime.consumerCount(FutureType.LOW)).isEqualTo(3);
    }

    @Test
    void aQueueRejectsABadPropertyNamingIt() {
        System.setProperty(AsyncRuntime.HIGH_NUM, "many");
        System.setProperty(AsyncRuntime.LOW_NUM, "0");

        assertThatThrownBy(() -> AsyncRuntime.consumerCount(FutureType.HIGH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HIGH_NUM").hasMessageContaining("many");
        assertThatThrownBy(() -> AsyncRuntime.consumerCount(FutureType.LOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LOW_NUM").hasMessageContaining("0");
    }

    @Test
    void aBadPropertyFailsTheSpawnButDoesNotBreakTheQueue() throws Throwable {
        IsolatedStage.run(BadPropertyThenFixed.class);
    }

    /** The first spawn to HIGH meets a bad HIGH_NUM; once it is fixed, HIGH starts as usual. */
    static final class BadPropertyThenFixed implements Executable {
        @Override
        public void execute() {
            System.setProperty(AsyncRuntime.HIGH_NUM, "two");
            assertThatThrownBy(() -> AsyncRuntime.spawnTask(Futures.ready(1), FutureType.HIGH))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("HIGH_NUM");
            assertThat(IsolatedStage.workerNames()).isEmpty();

            System.setProperty(AsyncRuntime.HIGH_NUM, "2");
            Task<Integer> task = AsyncRuntime.spawnTask(Futures.ready(1), FutureType.HIGH);
            Workers.awaitFinished(task);

            assertThat(Futures.blockOn(task)).isEqualTo(1);
            assertThat(IsolatedStage.workerNames()).containsExactly("high-worker-1", "high-worker-2");
        }
    }

    private static void clearProperties() {
        System.clearProperty(AsyncRuntime.HIGH_NUM);
        System.clearProperty(AsyncRuntime.LOW_NUM);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
