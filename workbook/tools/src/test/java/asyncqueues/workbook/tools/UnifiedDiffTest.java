package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.between("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
    }

    @Test
    void aChangedLineShowsWithThreeLinesOfContextAndItsLineNumbers() {
        String before = lines(1, 10);
        String after = before.replace("line 6\n", "line six\n");

        assertThat(UnifiedDiff.between("expected", before, "actual", after)).isEqualTo("""
                --- expected
                +++ actual
                @@ -3,7 +3,7 @@
                 line 3
                 line 4
                 line 5
                -line 6
                +line six
                 line 7
                 line 8
                 line 9""");
    }

    @Test
    void distantChangesMakeSeparateHunksAndInsertionsCountOnlyOnTheirSide() {
        String before = lines(1, 20);
        String after = before.replace("line 2\n", "").replace("line 18\n", "line 18\nline 18.5\n");

        assertThat(UnifiedDiff.between("e", before, "a", after)).isEqualTo("""
                --- e
                +++ a
                @@ -1,5 +1,4 @@
                 line 1
                -line 2
                 line 3
                 line 4
                 line 5
                @@ -16,5 +15,6 @@
                 line 16
                 line 17
                 line 18
                +line 18.5
                 line 19
                 line 20""");
    }

    @Test
    void lineEndingsAndAMissingLastNewlineAreShown() {
        String diff = UnifiedDiff.between("e", "one\ntwo\n", "a", "one\r\ntwo");

        assertThat(diff).isEqualTo("""
                --- e
                +++ a
                @@ -1,2 +1,2 @@
                -one
                -two
                +one [CRLF]
                +two
                \\ No newline at end of file""");
    }

    @Test
    void aVeryLongDiffIsCut() {
        String diff = UnifiedDiff.between("e", lines(1, 500), "a", lines(1000, 1499));

        assertThat(diff.lines().count()).isEqualTo(UnifiedDiff.MAX_LINES + 1);
        assertThat(diff).endsWith("more lines of diff)");
    }
}
