package asyncqueues.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ConsumerThreadsTest {

    private static final String PROPERTY = "asyncqueues.workbook.ConsumerThreadsTest.count";

    @AfterEach
    void clearProperty() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void anUnsetPropertyGivesTheDefault() {
        assertThat(ConsumerThreads.fromProperty(PROPERTY, 7)).isEqualTo(7);
    }

    @Test
    void aPropertyFromOneToTheBoundIsTaken() {
        System.setProperty(PROPERTY, " 1 ");
        assertThat(ConsumerThreads.fromProperty(PROPERTY, 7)).isEqualTo(1);
        System.setProperty(PROPERTY, "256");
        assertThat(ConsumerThreads.fromProperty(PROPERTY, 7)).isEqualTo(ConsumerThreads.MAX);
    }

    @Test
    void aBadPropertyIsRefusedNamingItAndItsValue() {
        for (String bad : List.of("two", "0", "-1", "257", "99999999999")) {
            System.setProperty(PROPERTY, bad);
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> ConsumerThreads.fromProperty(PROPERTY, 7))
                    .withMessageContaining(PROPERTY).withMessageContaining("'" + bad + "'")
                    .withMessageContaining("256");
        }
    }

    @Test
    void requireTakesOneToTheBoundAndNamesTheMethodOtherwise() {
        assertThat(ConsumerThreads.require(1, "withLowNum")).isEqualTo(1);
        assertThat(ConsumerThreads.require(256, "withLowNum")).isEqualTo(256);
        assertThatIllegalArgumentException().isThrownBy(() -> ConsumerThreads.require(0, "withLowNum"))
                .withMessageContaining("withLowNum").withMessageContaining("got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> ConsumerThreads.require(257, "withHighNum"))
                .withMessageContaining("withHighNum").withMessageContaining("256");
    }

    @Test
    void startNamesAndStartsEveryThread() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        List<String> names = new CopyOnWriteArrayList<>();
        ConsumerThreads.start(Thread.ofPlatform().daemon().factory(), "test-worker-", 3, () -> {
            names.add(Thread.currentThread().getName());
            running.countDown();
            awaitQuietly(release);
        }, "TEST", "TEST_NUM");

        assertThat(running.await(5, TimeUnit.SECONDS)).as("all three threads running").isTrue();
        release.countDown();
        assertThat(names).containsExactlyInAnyOrder("test-worker-1", "test-worker-2", "test-worker-3");
    }

    @Test
    void aRefusedThreadStopsThoseStartedAndSaysWhy() throws InterruptedException {
        List<Thread> made = new CopyOnWriteArrayList<>();
        ThreadFactory machine = loop -> {
            if (made.size() == 2) {
                throw new OutOfMemoryError("unable to create native thread");
            }
            Thread thread = Thread.ofPlatform().daemon().unstarted(loop);
            made.add(thread);
            return thread;
        };
        Runnable untilInterrupted = () -> awaitQuietly(new CountDownLatch(1));

        assertThatIllegalStateException()
                .isThrownBy(() -> ConsumerThreads.start(machine, "high-worker-", 4, untilInterrupted, "HIGH",
                        "HIGH_NUM or withHighNum"))
                .withMessageContainingAll("HIGH queue", "3 of 4", "the 2 started were stopped",
                        "HIGH_NUM or withHighNum", "256")
                .withCauseInstanceOf(OutOfMemoryError.class);
        for (Thread thread : made) {
            thread.join(5_000);
            assertThat(thread.isAlive()).as("%s, started before the refusal", thread.getName()).isFalse();
        }
    }

    /** Waits for {@code latch}; an interrupt ends the wait, as it ends a consumer's loop. */
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
