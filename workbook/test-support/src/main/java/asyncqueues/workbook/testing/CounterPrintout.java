package asyncqueues.workbook.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * What the chapter's two {@code CounterFuture}s print, read from a program's printout: both print
 * the same lines, {@code polling with result: 1} to {@code 3}, interleaved as their consumers run
 * them, but each in order. For the stages' {@code MainTest}s.
 */
public final class CounterPrintout {

    private CounterPrintout() {}

    /**
     * Fails unless, for each of the two counters, its results come in order: the k-th
     * {@code polling with result: n} comes after the k-th {@code polling with result: n - 1}.
     *
     * @throws AssertionError naming the occurrence that came too early, or the line that is missing
     */
    public static void assertEachCounterCountsInOrder(List<String> lines) {
        for (int k = 0; k < 2; k++) {
            for (int n = 2; n <= 3; n++) {
                int later = indexOfOccurrence(lines, "polling with result: " + n, k);
                int earlier = indexOfOccurrence(lines, "polling with result: " + (n - 1), k);
                if (later <= earlier) {
                    throw new AssertionError("occurrence " + (k + 1) + " of result " + n + " should come after"
                            + " occurrence " + (k + 1) + " of result " + (n - 1) + ", and does not: " + lines);
                }
            }
        }
    }

    /**
     * Fails unless {@code lines} are what the chapter's first {@code main} prints, its spawns and
     * consumers quiet (no queue counts, no {@code runnable accepted}): each counter's three
     * results, in order, four {@code async fn} and one {@code before the block}, interleaved as
     * the consumers ran them.
     */
    public static void assertTheChaptersFirstMain(List<String> lines) {
        assertThat(lines).as("the printout: the counters, the async fns and main's line")
                .containsExactlyInAnyOrder(
                        "polling with result: 1", "polling with result: 1",
                        "polling with result: 2", "polling with result: 2",
                        "polling with result: 3", "polling with result: 3",
                        "async fn", "async fn", "async fn", "async fn",
                        "before the block");
        assertEachCounterCountsInOrder(lines);
    }

    private static int indexOfOccurrence(List<String> lines, String line, int occurrence) {
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(line) && seen++ == occurrence) {
                return i;
            }
        }
        throw new AssertionError("'" + line + "' is not printed " + (occurrence + 1) + " times: " + lines);
    }
}
