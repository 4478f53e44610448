package asyncqueues.step01;

import asyncqueues.workbook.ExerciseNotDone;

/** Arithmetic with two exercises in it. */
public final class Adder {

    private Adder() {}

    public static int add(int a, int b) {
        // EXERCISE 1.1 BEGIN: add two numbers
        throw new ExerciseNotDone("1.1");
        // EXERCISE 1.1 END
    }

    public static int negate(int a) {
        // EXERCISE 1.2 BEGIN: negate a number
        throw new ExerciseNotDone("1.2");
        // EXERCISE 1.2 END
    }

    public static int subtract(int a, int b) {
        // EXERCISE 1.3 BEGIN: subtract one number from another
        throw new ExerciseNotDone("1.3");
        // EXERCISE 1.3 END
    }
}
