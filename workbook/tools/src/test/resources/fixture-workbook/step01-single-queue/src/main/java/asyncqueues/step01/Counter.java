package asyncqueues.step01;

/** Given code with static state: a run that shared classes with another would see it. */
public final class Counter {

    private static int count;

    private Counter() {}

    public static synchronized int next() {
        return ++count;
    }
}
