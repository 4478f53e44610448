// Carried over unchanged from step01-single-queue's solution by ./jbang stubs --write; edit it there.
package asyncqueues.step02;

import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.workbook.Ticks;
import java.time.Duration;
import java.util.Objects;

/**
 * The chapter's {@code async fn async_fn()}, which every stage's program spawns, so every stage
 * carries this file over unchanged. {@code Main} extends it, to call {@code asyncFn(tick)} as the
 * chapter calls {@code async_fn()}.
 */
public class AsyncFn {

    AsyncFn() {} // only Main extends it

    /** The chapter's {@code async fn}, with the chapter's one-second sleep. */
    public static Future<Void> asyncFn() {
        return asyncFn(Ticks.CHAPTER);
    }

    /** The chapter's {@code async fn}: its first poll sleeps {@code tick}, holding its thread, and prints. */
    public static Future<Void> asyncFn(Duration tick) {
        Objects.requireNonNull(tick, "tick must not be null");
        return Futures.async(() -> {
            Ticks.sleep(tick);
            System.out.println("async fn");
        });
    }
}
