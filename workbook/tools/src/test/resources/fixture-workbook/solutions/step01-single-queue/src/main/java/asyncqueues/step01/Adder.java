package asyncqueues.step01;

import asyncqueues.workbook.ExerciseNotDone;

/** Arithmetic with two exercises in it. */
public final class Adder {

    private Adder() {}

    public static int add(int a, int b) {
        // EXERCISE 1.1 BEGIN: add two numbers
        return a + b;
        // EXERCISE 1.1 END
    }

    public static int negate(int a) {
        // EXERCISE 1.2 BEGIN: negate a number
        int negated = -a;
        return negated;
        // EXERCISE 1.2 END
    }

    public static int subtract(int a, int b) {
        // EXERCISE 1.3 BEGIN: subtract one number from another
        return a - b;
        // EXERCISE 1.3 END
    }
}
