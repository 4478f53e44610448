package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Classroom autograding workflow, {@code .github/workflows/classroom.yml}, which cannot
 * run here: it must grade every exercise of the workbook, each once and no other, each with the
 * command that exits 0 exactly when the exercise is solved (tested in {@code ProgressTest} and
 * {@code JbangLauncherTest}), and report every graded step.
 */
@DisplayName("the classroom's autograding workflow")
class WorkbookWorkflowTest {

    private static final Pattern STEP = Pattern.compile("""
            (?m)^    - name: Exercise (?<number>\\S+)
                  id: (?<id>\\S+)
                  uses: classroom-resources/autograding-command-grader@v1
                  with:
                    test-name: "(?<name>[^"]+)"
                    setup-command: ''
                    command: (?<command>.+)
                    timeout: (?<timeout>\\d+)
                    max-score: (?<score>\\d+)$""");

    private record Step(String number, String id, String name, String command, int timeout, int score) {}

    private final WorkbookLayout layout =
            WorkbookLayout.findFrom(Path.of(System.getProperty("basedir", "")));
    private final ExerciseCatalog catalog = ExerciseCatalog.load(layout);

    @Test
    @DisplayName("grades every exercise, once each, in order, with ./jbang progress --exercise S.N")
    void gradesEveryExercise() throws IOException {
        List<Step> steps = steps();

        assertThat(steps).extracting(Step::number).containsExactlyElementsOf(
                catalog.exercises().stream().map(exercise -> exercise.number().toString()).toList());
        for (Exercise exercise : catalog.exercises()) {
            Step step = steps.stream().filter(s -> s.number().equals(exercise.number().toString())).findFirst()
                    .orElseThrow();
            assertThat(step.id()).isEqualTo("exercise-" + exercise.number().toString().replace('.', '-'));
            assertThat(step.command()).isEqualTo("./jbang progress --exercise " + exercise.number());
            assertThat(step.name()).isEqualTo("Exercise " + exercise.number() + ": " + exercise.title());
            assertThat(step.score()).as("the points of exercise %s", exercise.number()).isPositive();
            assertThat(step.timeout()).as("the minutes of exercise %s", exercise.number()).isBetween(1, 30);
        }
    }

    @Test
    @DisplayName("reports each graded step, and no other")
    void reportsEveryStep() throws IOException {
        String workflow = workflow();
        List<String> ids = steps().stream().map(Step::id).toList();

        Matcher runners = Pattern.compile("(?m)^        runners: (.+)$").matcher(workflow);
        assertThat(runners.find()).as("the reporter's runners").isTrue();
        assertThat(List.of(runners.group(1).split(","))).containsExactlyElementsOf(ids);
        for (String id : ids) {
            assertThat(workflow).contains("        " + id.toUpperCase() + "_RESULTS: \"${{steps." + id
                    + ".outputs.result}}\"");
        }
        assertThat(workflow.lines().filter(line -> line.contains("_RESULTS: ")).count()).isEqualTo(ids.size());
    }

    @Test
    @DisplayName("sets up a JDK 21 before the first graded step")
    void setsUpTheJdk() throws IOException {
        String workflow = workflow();

        assertThat(workflow).contains("uses: actions/setup-java@").contains("java-version: '21'");
        assertThat(workflow.indexOf("setup-java")).isLessThan(workflow.indexOf("- name: Exercise "));
    }

    private List<Step> steps() throws IOException {
        List<Step> steps = new ArrayList<>();
        Matcher step = STEP.matcher(workflow());
        while (step.find()) {
            steps.add(new Step(step.group("number"), step.group("id"), step.group("name").replace("\\\"", "\""),
                    step.group("command"), Integer.parseInt(step.group("timeout")),
                    Integer.parseInt(step.group("score"))));
        }
        assertThat(workflow().lines().filter(line -> line.startsWith("    - name: Exercise ")).count())
                .as("every graded step is in the form this test reads").isEqualTo(steps.size());
        return steps;
    }

    private String workflow() throws IOException {
        return Files.readString(layout.root().resolve(".github/workflows/classroom.yml"));
    }
}
