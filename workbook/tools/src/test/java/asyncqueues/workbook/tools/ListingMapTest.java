package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each stage README's table of the chapter's listings points at a line of Java and quotes it: the
 * quote must still be on that line, so that a reader who follows the link finds what the table
 * promises, and an edit that moves the line fails here instead of leaving the table wrong.
 */
class ListingMapTest {

    /** A row's Java column and where column: {@code | `code` | [File.java:12](path#L12) |}. */
    private static final Pattern ROW = Pattern.compile("\\| `([^`]+)` \\| \\[[^\\]:]+:(\\d+)]\\(([^)#]+)#L(\\d+)\\) \\|$");

    private static final String HEADING = "## The chapter's listings in Java";

    @Test
    void everyRowQuotesTheLineItLinksTo() {
        WorkbookLayout layout = WorkbookLayout.findFrom(Path.of(System.getProperty("basedir", "")));
        List<String> checked = new ArrayList<>();
        for (Stage stage : layout.stages()) {
            Path readme = layout.root().resolve(stage.module()).resolve("README.md");
            if (!Files.isRegularFile(readme) || !SourceFiles.read(readme).contains(HEADING)) {
                continue;
            }
            for (String line : SourceFiles.read(readme).lines().toList()) {
                Matcher row = ROW.matcher(line);
                if (!row.find()) {
                    continue;
                }
                assertThat(row.group(2)).as("the line number of %s's row %s, in its text and its link", stage, line)
                        .isEqualTo(row.group(4));
                Path file = readme.getParent().resolve(row.group(3)).normalize();
                assertThat(file).as("the file of %s's row %s", stage, line).isRegularFile();
                List<String> lines = asShipped(layout, stage, file).lines().toList();
                int number = Integer.parseInt(row.group(2));
                assertThat(number).as("%s's row %s: the file has %d lines", stage, line, lines.size())
                        .isBetween(1, lines.size());
                assertThat(lines.get(number - 1)).as("line %d of %s, which %s's README quotes", number,
                        layout.relative(file), stage).contains(row.group(1));
                checked.add(stage + ": " + row.group(1));
            }
        }
        assertThat(checked).as("the rows found in the stage READMEs").hasSizeGreaterThanOrEqualTo(35);
    }

    /**
     * The file as the workbook ships it: a learner's file as its solution makes its stub (a
     * learner's answers move the lines below them, and this test runs in a learner's clone too),
     * any other file as it is.
     */
    private static String asShipped(WorkbookLayout layout, Stage stage, Path file) {
        Path learnerSources = layout.stageSources(stage);
        if (!file.startsWith(learnerSources)) {
            return SourceFiles.read(file);
        }
        Path solution = layout.solutionSources(stage).resolve(learnerSources.relativize(file));
        return Stubs.stubOf(layout.relative(solution), SourceFiles.read(solution));
    }
}
