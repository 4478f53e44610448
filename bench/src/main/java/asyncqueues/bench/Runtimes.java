package asyncqueues.bench;

import asyncqueues.task.Context;
import asyncqueues.task.Future;
import asyncqueues.task.Futures;
import asyncqueues.task.Poll;
import asyncqueues.task.Task;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The runtimes the benchmarks compare, each started with {@value #THREADS} threads: the stages'
 * reference runtimes and the JDK's two executors. A stage's runtime is a set of globals, so a
 * JVM holds one of each; JMH runs every runtime in a JVM of its own.
 */
enum Runtimes {
    /** Stage 2: one queue, three consumers that block on it. It prints a line per spawn. */
    STEP02 {
        @Override
        void start() {
            silenceStandardOutput();
        }

        @Override
        <T> Task<T> spawnTask(Future<T> future) {
            return asyncqueues.step02.AsyncRuntime.spawnTask(future);
        }
    },
    /** Stage 4: HIGH (2 consumers) and LOW (1), stealing, 100 ms idle sleep; tasks go to LOW. */
    STEP04 {
        @Override
        void start() {
            // The lazy-start pitfall: the HIGH consumers exist, and steal, only once HIGH had a task.
            Futures.blockOn(asyncqueues.step04.AsyncRuntime.spawnTask(step04(asyncqueues.step04.FutureType.HIGH, READY)));
        }

        @Override
        <T> Task<T> spawnTask(Future<T> future) {
            return asyncqueues.step04.AsyncRuntime.spawnTask(step04(asyncqueues.step04.FutureType.LOW, future));
        }
    },
    /** Stage 5, configured with 2 HIGH consumers and 1 LOW; {@code spawnTask(f)} goes to LOW. */
    STEP05 {
        @Override
        void start() {
            new asyncqueues.step05.AsyncRuntime().withHighNum(2).withLowNum(1).run();
        }

        @Override
        <T> Task<T> spawnTask(Future<T> future) {
            return asyncqueues.step05.AsyncRuntime.spawnTask(future);
        }
    },
    /** Stage 7: stage 4 whose idle consumers park until a schedule wakes one; tasks go to LOW. */
    STEP07 {
        @Override
        void start() {
            Futures.blockOn(asyncqueues.step07.AsyncRuntime.spawnTask(step07(asyncqueues.step07.FutureType.HIGH, READY)));
        }

        @Override
        <T> Task<T> spawnTask(Future<T> future) {
            return asyncqueues.step07.AsyncRuntime.spawnTask(step07(asyncqueues.step07.FutureType.LOW, future));
        }
    },
    /** The JDK's pool of three threads on one LinkedBlockingQueue, running Runnables. */
    THREAD_POOL_EXECUTOR {
        @Override
        void start() {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(
                    THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
            pool.prestartAllCoreThreads();
            executor = pool;
        }
    },
    /** The JDK's work-stealing pool of three threads, Runnables submitted from outside it. */
    FORK_JOIN_POOL {
        @Override
        void start() {
            executor = new ForkJoinPool(THREADS);
        }
    };

    /** Every runtime's number of threads: stage 2's three consumers, stage 4's two plus one. */
    static final int THREADS = 3;

    static final Future<Void> READY = cx -> Poll.ready(null);

    private static final Context NO_WAKES = new Context(() -> {
        throw new AssertionError("an executor's Runnable has no task to wake");
    });

    /** The JDK executor, for the two runtimes that are one; {@code null} for the stages. */
    ExecutorService executor;

    /** Starts the runtime's threads, so that no measured spawn pays for it. */
    abstract void start();

    /**
     * Spawns {@code future}, to be polled once on one of the runtime's threads: a stage's task, or
     * on an executor a Runnable that polls it, which is all a no-op future asks.
     */
    void spawn(Future<Void> future) {
        if (executor != null) {
            executor.execute(() -> future.poll(NO_WAKES));
        } else {
            spawnTask(future);
        }
    }

    /** Spawns {@code future} as a task of this stage's runtime, with the stage's default order (LOW). */
    <T> Task<T> spawnTask(Future<T> future) {
        throw new UnsupportedOperationException(this + " is one of the JDK's executors: it runs Runnables, not tasks");
    }

    /** Stage 2 prints "Here is the queue count" per spawn: to nowhere here, but it still formats it. */
    static void silenceStandardOutput() {
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    }

    private static <T> asyncqueues.step04.FutureOrderLabel<T> step04(asyncqueues.step04.FutureType order, Future<T> future) {
        return asyncqueues.step04.FutureOrderLabel.labelled(order, future);
    }

    private static <T> asyncqueues.step07.FutureOrderLabel<T> step07(asyncqueues.step07.FutureType order, Future<T> future) {
        return asyncqueues.step07.FutureOrderLabel.labelled(order, future);
    }
}
