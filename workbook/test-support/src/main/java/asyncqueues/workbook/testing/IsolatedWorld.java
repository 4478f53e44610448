package asyncqueues.workbook.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a piece of test code against a fresh copy of a stage's classes: a new world in which no
 * queue has started and no consumer thread runs, as at the start of a program.
 *
 * <p>Why: a stage's queues are lazily started globals, and once started in a JVM they stay
 * started. So a fact such as "the first spawn starts the queue" or "a queue nothing was spawned
 * to has no consumers" is only visible in a world where nothing else has touched the runtime,
 * whatever other tests ran before.
 *
 * <p>How: a class loader that defines its own copy of every class of the scenario's package (the
 * stage's main and test classes alike, read as bytes from wherever the test's own loader finds
 * them) and leaves every other class to its parent: the JDK, the foundation, JUnit, AssertJ and
 * the workbook's own classes (this one, {@code ExerciseNotDone}) are the same classes on both
 * sides, so an assertion error or an exercise stub's exception comes out of the world unchanged.
 * A copy of the scenario is made in the new world and run on the calling thread, whose context
 * class loader is set to the new loader meanwhile. Threads inherit their creator's context class
 * loader, so every consumer thread the world starts carries it: that is how {@link #workers} tells
 * this world's consumers from any other's, and how the world is torn down afterwards (its threads
 * are interrupted, which ends the consumers' loops, and the consumers joined).
 *
 * <p>System properties belong to the JVM, not to a world: those named by the caller (a stage's
 * configuration, which a scenario may set) are put back as they were afterwards.
 */
public final class IsolatedWorld {

    /** How a scenario is run once made: for JUnit's {@code Executable}, {@code Executable::execute}. */
    @FunctionalInterface
    public interface Runner<S> {
        void run(S scenario) throws Throwable;
    }

    /** How long the teardown waits for all of a world's consumers together: an interrupted one ends at once. */
    private static final Duration TEARDOWN_LIMIT = Duration.ofSeconds(1);

    private IsolatedWorld() {}

    /**
     * Runs a new instance of {@code scenario} (a class with a no-argument constructor) in a world
     * of its own, and tears the world down.
     *
     * @param consumers the names of the stage's consumer threads, joined at teardown
     * @param properties system properties to put back afterwards
     */
    public static <S> void run(Class<? extends S> scenario, Runner<S> runner, Pattern consumers,
            List<String> properties) throws Throwable {
        FreshLoader world = new FreshLoader(scenario.getPackageName() + ".", scenario.getClassLoader());
        Map<String, String> saved = save(properties);
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(world);
        try {
            @SuppressWarnings("unchecked")
            S copy = (S) newInstance(world.loadClass(scenario.getName()));
            runner.run(copy);
        } finally {
            current.setContextClassLoader(previous);
            stopThreadsOf(world, consumers);
            restore(saved);
        }
    }

    /**
     * The live consumer threads of the world the calling code runs in, sorted by name. Only
     * meaningful inside a scenario.
     *
     * @throws IllegalStateException outside a scenario run by {@link #run}
     */
    public static List<Thread> workers(Pattern consumers) {
        if (!(Thread.currentThread().getContextClassLoader() instanceof FreshLoader world)) {
            throw new IllegalStateException("workers() is for code run by IsolatedWorld.run, on its thread");
        }
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getContextClassLoader() == world)
                .filter(thread -> consumers.matcher(thread.getName()).matches())
                .sorted(Comparator.comparing(Thread::getName))
                .toList();
    }

    private static Object newInstance(Class<?> scenario) throws Throwable {
        try {
            Constructor<?> constructor = scenario.getDeclaredConstructor();
            constructor.setAccessible(true); // the copy lives in another runtime package
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Interrupts every live thread the world started, and joins its consumers; a stuck one is left
     * (a daemon). The others, a test's own (a body it watched, say), end when interrupted or are
     * blocked for good ({@code Futures.blockOn} ignores interrupts): waiting for them would only
     * delay the test.
     */
    private static void stopThreadsOf(ClassLoader world, Pattern consumers) throws InterruptedException {
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getContextClassLoader() == world)
                .filter(thread -> thread != Thread.currentThread())
                .toList();
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TEARDOWN_LIMIT.toNanos();
        for (Thread thread : threads) {
            if (consumers.matcher(thread.getName()).matches()) {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
        }
    }

    private static Map<String, String> save(List<String> properties) {
        Map<String, String> saved = new HashMap<>();
        properties.forEach(property -> saved.put(property, System.getProperty(property)));
        return saved;
    }

    private static void restore(Map<String, String> saved) {
        saved.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    /** Defines one package's classes afresh; delegates every other class to the parent. */
    private static final class FreshLoader extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final String packagePrefix;

        FreshLoader(String packagePrefix, ClassLoader parent) {
            super("isolated-" + packagePrefix, parent);
            this.packagePrefix = packagePrefix;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(packagePrefix)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = bytesOf(name);
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private byte[] bytesOf(String className) throws ClassNotFoundException {
            String resource = className.replace('.', '/') + ".class";
            try (InputStream in = getParent().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ClassNotFoundException(className);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }
}
