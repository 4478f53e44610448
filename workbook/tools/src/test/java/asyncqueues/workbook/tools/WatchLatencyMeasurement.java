package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a learner waits in watch: from a save to the result on the screen, for every exercise,
 * the exercise solved (the longest case: all of its tests run to their end). Watch runs in a real
 * terminal (tmux) on a copy of the workbook with every exercise solved; each file is saved
 * {@value #SAVES} times per exercise, and the footer's "saved ..., tested N s later" (the time
 * from the file's modification to the drawn result) is read each time. Prints a table of the
 * medians per exercise and per stage. A measurement, not a check, so it runs only when asked:
 * {@code mvn test -pl workbook/tools -Dtest=WatchLatencyMeasurement -Dworkbook.watch.latency=true}.
 */
@DisplayName("watch: save-to-result latency, per exercise")
@EnabledIfSystemProperty(named = "workbook.watch.latency", matches = "true")
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class WatchLatencyMeasurement {

    private static final int SAVES = 5;
    private static final Pattern TESTED = Pattern.compile("tested (\\d+\\.\\d) s later");

    @TempDir
    Path scratch;

    @Test
    void measure() throws Exception {
        Path copy = WorkbookCopy.of(WorkbookLayout.findFrom(Path.of(System.getProperty("basedir", ""))).root(),
                scratch.resolve("workbook"));
        WorkbookLayout layout = WorkbookLayout.at(copy);
        ExerciseCatalog catalog = ExerciseCatalog.load(layout);
        catalog.exercises().forEach(exercise -> Fixture.solve(layout, exercise));
        Map<String, List<Double>> byStage = new TreeMap<>();
        List<String> rows = new ArrayList<>();
        try (Tmux terminal = Tmux.open(copy, "latency")) {
            terminal.type("./jbang watch 1.1");
            for (Exercise exercise : catalog.exercises()) {
                if (!exercise.number().toString().equals("1.1")) {
                    terminal.press("n");
                }
                terminal.awaitScreen(Duration.ofMinutes(2), "exercise " + exercise.number() + " solved", screen ->
                        screen.contains("Exercise " + exercise.number() + " (") && screen.contains("✓ Solved"));
                Path file = layout.stageSources(exercise.stage()).resolve(exercise.file());
                List<Double> seconds = new ArrayList<>();
                for (int save = 0; save < SAVES; save++) {
                    Files.write(file, Files.readAllBytes(file)); // a save: same text, new modification time
                    terminal.awaitScreen(Duration.ofSeconds(10), "the tests starting", screen ->
                            screen.contains("testing your code"));
                    String screen = terminal.awaitScreen(Duration.ofSeconds(60), "the result", shown ->
                            !shown.contains("testing your code") && TESTED.matcher(shown).find());
                    assertThat(screen).as("exercise %s after a save", exercise.number()).contains("✓ Solved");
                    Matcher tested = TESTED.matcher(screen);
                    assertThat(tested.find()).isTrue();
                    seconds.add(Double.parseDouble(tested.group(1)));
                }
                byStage.computeIfAbsent(exercise.stage().module(), stage -> new ArrayList<>()).addAll(seconds);
                rows.add(String.format("%-5s median %.1f s, max %.1f s   %s", exercise.number(), median(seconds),
                        seconds.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), seconds));
            }
            terminal.press("q");
        } finally {
            Files.deleteIfExists(copy.resolve(WorkbookCopy.JBANG_CACHE));
        }
        System.out.println("watch, save to result, " + SAVES + " saves per exercise, every exercise solved:");
        rows.forEach(row -> System.out.println("  " + row));
        byStage.forEach((stage, seconds) -> System.out.printf("  %-24s median %.1f s over %d saves%n", stage,
                median(seconds), seconds.size()));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
