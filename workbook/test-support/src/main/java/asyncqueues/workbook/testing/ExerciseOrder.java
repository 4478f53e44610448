package asyncqueues.workbook.testing;

import java.util.Comparator;

/** The order of exercise numbers written {@code S.N}: by stage, then by number, so 1.10 follows 1.9. */
final class ExerciseOrder {

    static final Comparator<String> NUMBERS =
            Comparator.comparingInt((String number) -> part(number, 0)).thenComparingInt(number -> part(number, 1));

    private ExerciseOrder() {}

    private static int part(String number, int which) {
        return Integer.parseInt(number.split("\\.")[which]);
    }
}
