package asyncqueues.task;

/** The fixture's foundation: something for a stage to compile against. */
public final class Numbers {

    private Numbers() {}

    public static int twice(int value) {
        return 2 * value;
    }
}
