// Carried over unchanged from step01-single-queue's solution by ./jbang stubs --write; edit it there.
package asyncqueues.step03;

import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.workbook.Ticks;
import java.time.Duration;
import java.util.Objects;

/**
 * The chapter's {@code async fn async_fn()}: a future whose body runs on its first poll, sleeps a
 * tick holding its thread, and prints {@code async fn}. Every stage's program spawns it, so every
 * stage carries this file over unchanged; its {@code Main} extends it, so that {@code asyncFn(tick)}
 * reads there as the chapter's {@code async_fn()} does, and {@code Main.asyncFn} is public API.
 */
public class AsyncFn {

    AsyncFn() {} // only Main extends it

    /** The chapter's {@code async fn}, with the chapter's one-second sleep. */
    public static Future<Void> asyncFn() {
        return asyncFn(Ticks.CHAPTER);
    }

    /** The chapter's {@code async fn}, with {@code tick} for its sleep. */
    public static Future<Void> asyncFn(Duration tick) {
        Objects.requireNonNull(tick, "tick must not be null");
        return Futures.async(() -> {
            Ticks.sleep(tick);
            System.out.println("async fn");
        });
    }
}
