package asyncqueues.step06;

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
import org.junit.jupiter.api.function.Executable;

/**
 * Runs a piece of test code against a fresh copy of this stage's classes: a new world in which
 * no queue has started and no consumer thread runs, as at the start of a program.
 *
 * <p>Why: the runtime's queues are lazily started globals, and once started in a JVM they stay
 * started. So a fact such as "a queue nothing was spawned to has no consumers" is only visible in
 * a world where nothing else has touched the runtime, whatever other tests ran before.
 *
 * <p>How: a class loader that defines its own copy of every class of this package (the stage's
 * main and test classes alike, read as bytes from wherever the test's own loader finds them) and
 * leaves every other class to its parent: the JDK, the foundation ({@code asyncqueues.task}),
 * JUnit, AssertJ, Awaitility and {@code ExerciseNotDone} are the same classes on both sides, so an
 * assertion error or an exercise stub's exception comes out of the world unchanged. The scenario
 * is a class of this package implementing JUnit's {@link Executable}; a copy of it is made in the
 * new world and run on the calling thread, whose context class loader is set to the new loader
 * meanwhile. Threads inherit their creator's context class loader, so every consumer thread the
 * world starts carries it: that is how {@link #workerNames()} tells this world's consumers from
 * any other's, and how the world is torn down afterwards (its consumers are interrupted, which
 * ends their loops, and joined).
 *
 * <p>System properties belong to the JVM, not to a world: the runtime's configuration
 * ({@code HIGH_NUM}, {@code LOW_NUM}), which a scenario may set, is put back as it was afterwards.
 */
final class IsolatedStage {

    private static final String PACKAGE_PREFIX = IsolatedStage.class.getPackageName() + ".";
    private static final String CONSUMER_NAMES = "(high|low)-worker-\\d+";

    /** How long the teardown waits for all of a world's consumers together: an interrupted one ends at once. */
    private static final Duration TEARDOWN_LIMIT = Duration.ofSeconds(1);
    private static final List<String> CONFIGURATION = List.of(AsyncRuntime.HIGH_NUM, AsyncRuntime.LOW_NUM);

    private IsolatedStage() {}

    /** Runs a new instance of {@code scenario} in a world of its own, and tears the world down. */
    static void run(Class<? extends Executable> scenario) throws Throwable {
        FreshLoader world = new FreshLoader(IsolatedStage.class.getClassLoader());
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        Map<String, String> configuration = saveConfiguration();
        current.setContextClassLoader(world);
        try {
            newInstance(world.loadClass(scenario.getName())).execute();
        } finally {
            current.setContextClassLoader(previous);
            stopThreadsOf(world);
            restoreConfiguration(configuration);
        }
    }

    /**
     * The names of this world's live consumer threads, sorted. Only meaningful inside a
     * scenario, which is where the world's classes (this one included) are used.
     */
    static List<String> workerNames() {
        return workers().stream().map(Thread::getName).toList();
    }

    /** This world's live consumer threads, sorted by name; as {@link #workerNames()}, for a scenario. */
    static List<Thread> workers() {
        ClassLoader world = IsolatedStage.class.getClassLoader();
        if (!world.getClass().getName().equals(FreshLoader.class.getName())) {
            throw new IllegalStateException("workers() is for code run by IsolatedStage.run");
        }
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getContextClassLoader() == world)
                .filter(thread -> thread.getName().matches(CONSUMER_NAMES))
                .sorted(Comparator.comparing(Thread::getName))
                .toList();
    }

    private static Map<String, String> saveConfiguration() {
        Map<String, String> saved = new HashMap<>();
        for (String property : CONFIGURATION) {
            saved.put(property, System.getProperty(property));
        }
        return saved;
    }

    private static void restoreConfiguration(Map<String, String> saved) {
        saved.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    private static Executable newInstance(Class<?> scenario) throws Throwable {
        try {
            Constructor<?> constructor = scenario.getDeclaredConstructor();
            constructor.setAccessible(true); // the copy lives in another runtime package
            return (Executable) constructor.newInstance();
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
    private static void stopThreadsOf(ClassLoader world) throws InterruptedException {
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getContextClassLoader() == world)
                .filter(thread -> thread != Thread.currentThread())
                .toList();
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TEARDOWN_LIMIT.toNanos();
        for (Thread thread : threads) {
            if (thread.getName().matches(CONSUMER_NAMES)) {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
        }
    }

    /** Defines this package's classes afresh; delegates every other class to the parent. */
    private static final class FreshLoader extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        FreshLoader(ClassLoader parent) {
            super("isolated-" + PACKAGE_PREFIX, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE_PREFIX)) {
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
