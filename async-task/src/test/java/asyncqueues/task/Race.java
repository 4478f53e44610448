package asyncqueues.task;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * Runs a few actions at the same moment on threads of their own, round after round, and checks
 * each round once its actions are done.
 *
 * <p>The windows these races aim at are a few instructions wide (between a read of the state
 * word and the compare-and-set that depends on it), so the start must be as close to
 * simultaneous as threads allow: the threads are started once and spin, not park, between
 * rounds, and each round delays each action by a different few nanoseconds, so that over the rounds
 * the actions slide across each other's windows instead of always meeting at one offset.
 */
final class Race {

    /** One round: its actions, each on a thread of its own, then the check of what they left. */
    record Round(List<Runnable> actions, Runnable check) {}

    private static final int MAX_DELAY_STEPS = 240;
    private static final int YIELD_EVERY = 32;

    private Race() {}

    /**
     * Plays {@code rounds} rounds made by {@code round} (given the round's number); the first
     * action runs on the calling thread. Throws the first failure, of an action or of a check,
     * naming its round.
     */
    static void repeat(int rounds, int actions, IntFunction<Round> round) {
        AtomicReference<Round> current = new AtomicReference<>();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean over = new AtomicBoolean();
        Thread[] helpers = new Thread[actions - 1];
        for (int index = 1; index < actions; index++) {
            int action = index;
            helpers[index - 1] = Thread.ofPlatform().daemon().name("race-" + index).start(() -> {
                for (int played = 1; played <= rounds; played++) {
                    int wanted = played;
                    spinUntil(() -> started.get() >= wanted || over.get());
                    if (started.get() < wanted) {
                        return; // the race ended early: a round failed
                    }
                    act(current.get(), action, played, failure);
                    finished.incrementAndGet();
                }
            });
        }
        try {
            for (int played = 1; played <= rounds && failure.get() == null; played++) {
                Round next = round.apply(played);
                if (next.actions().size() != actions) {
                    throw new IllegalArgumentException("round " + played + " has " + next.actions().size()
                            + " actions, not " + actions);
                }
                current.set(next);
                started.set(played);
                act(next, 0, played, failure);
                int helpersDone = (actions - 1) * played;
                spinUntil(() -> finished.get() >= helpersDone);
                if (failure.get() == null) {
                    try {
                        next.check().run();
                    } catch (Throwable thrown) {
                        failure.compareAndSet(null, new AssertionError("round " + played + ": " + thrown.getMessage(), thrown));
                    }
                }
            }
        } finally {
            over.set(true);
        }
        Throwable failed = failure.get();
        if (failed instanceof AssertionError assertion) {
            throw assertion;
        }
        if (failed != null) {
            throw new AssertionError(failed.getMessage(), failed);
        }
    }

    private static void act(Round round, int action, int played, AtomicReference<Throwable> failure) {
        delay((played * (action + 7) * 31 + action * 13) % MAX_DELAY_STEPS);
        try {
            round.actions().get(action).run();
        } catch (Throwable thrown) {
            failure.compareAndSet(null, new AssertionError("round " + played + ", action " + action + " threw "
                    + thrown, thrown));
        }
    }

    /**
     * Spins until {@code condition} holds, yielding now and then: a race may have more threads
     * than the machine has cores, and a spinner must not hold the core of the thread it waits for.
     */
    private static void spinUntil(BooleanSupplier condition) {
        for (int spin = 1; !condition.getAsBoolean(); spin++) {
            if (spin % YIELD_EVERY == 0) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Waits {@code steps} steps of about a nanosecond each: finer than {@link Thread#onSpinWait},
     * which can take tens of nanoseconds, wider than the windows these races aim at.
     */
    private static void delay(int steps) {
        int x = steps;
        for (int step = 0; step < steps; step++) {
            x = x * 31 + step;
        }
        sink = x;
    }

    /** Keeps the JIT from removing {@link #delay}'s loop. */
    @SuppressWarnings("unused")
    private static volatile int sink;
}
