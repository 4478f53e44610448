package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./jbang watch} as a learner uses it: in a real terminal (tmux), on a pristine copy of the
 * workbook, through a compile error, a wrong attempt, the fix, the hint, the next exercise, quit
 * and resume. The screen is read with {@code tmux capture-pane}, each wait bounded.
 */
@DisplayName("./jbang watch in a terminal")
@EnabledIf(value = "tmuxIsThere", disabledReason = "needs tmux, to give watch a real terminal")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WatchTest {

    /** The first start compiles jbang's script of the tools, which can take a minute on a busy machine. */
    private static final Duration FIRST_SCREEN = Duration.ofMinutes(2);
    private static final Duration SCREEN = Duration.ofSeconds(30);

    @TempDir
    Path scratch;

    private Path copy;
    private WorkbookLayout layout;
    private ExerciseCatalog catalog;
    private Tmux terminal;

    static boolean tmuxIsThere() {
        return Tmux.exists();
    }

    @BeforeEach
    void copyTheWorkbookAndOpenATerminal() throws IOException {
        copy = WorkbookCopy.of(workbookRoot(), scratch.resolve("workbook"));
        layout = WorkbookLayout.at(copy);
        catalog = ExerciseCatalog.load(layout);
        terminal = Tmux.open(copy, "learner");
    }

    @AfterEach
    void closeTheTerminal() throws IOException {
        if (terminal != null) {
            terminal.close();
        }
        Files.deleteIfExists(copy.resolve(WorkbookCopy.JBANG_CACHE)); // the link, not the root's cache
    }

    @Test
    @DisplayName("a learner goes from the stub to a solved exercise, reads a hint, moves on, quits and resumes")
    void aLearnersLoop() throws Exception {
        Exercise first = exercise("1.1");
        Path file = layout.stageSources(first.stage()).resolve(first.file());

        terminal.type("./jbang watch; echo watch-ended-$?");
        terminal.awaitScreen(FIRST_SCREEN, "the first exercise, not started", screen ->
                screen.contains("Exercise 1.1 (1 of " + total() + "): " + first.title())
                        && screen.contains("Write it in step01-single-queue/src/main/java/asyncqueues/step01/"
                                + "AsyncRuntime.java:")
                        && screen.contains("Not started"));

        Fixture.solve(layout, first);
        Fixture.edit(file, "TaskRunnable runnable = queue.take();", "TaskRunnable runnable = queue.take(;");
        terminal.awaitScreen(SCREEN, "the compiler's error", screen ->
                screen.contains("Your code does not compile") && screen.contains("AsyncRuntime.java:"));

        Fixture.edit(file, "queue.take(;", "queue.take();");
        Fixture.edit(file, "System.out.println(\"runnable accepted\");", "System.out.println(\"runnable taken\");");
        terminal.awaitScreen(SCREEN, "a failing test, its message and no stack trace", screen ->
                screen.contains("Not solved") && screen.contains("runnable accepted")
                        && screen.contains("runnable taken") && !screen.contains("\tat "));

        Fixture.edit(file, "System.out.println(\"runnable taken\");", "System.out.println(\"runnable accepted\");");
        String solved = terminal.awaitScreen(SCREEN, "the exercise solved, and the next one offered", screen ->
                screen.contains("✓ Solved") && screen.contains("Next: exercise 1.2, " + exercise("1.2").title()));
        assertThat(solved).containsPattern("saved \\d\\d:\\d\\d:\\d\\d, tested \\d+\\.\\d s later");

        terminal.press("h");
        String hintLine = firstLineOf(layout.hintFile(first));
        terminal.awaitScreen(SCREEN, "the hint", screen -> screen.contains("Hint") && screen.contains(hintLine));

        terminal.press("n");
        terminal.awaitScreen(SCREEN, "the next exercise", screen ->
                screen.contains("Exercise 1.2 (2 of " + total() + ")") && screen.contains("Not started"));

        terminal.press("q");
        terminal.awaitScreen(SCREEN, "watch ended", screen -> screen.contains("watch-ended-0"));
        assertThat(copy.resolve(WatchState.FILE)).content().contains("exercise=1.2");
        terminal.type("stty -a | grep -o -e '-*icanon' -e '-*echo ' ; echo stty-$((6 * 7))");
        assertThat(terminal.awaitScreen(SCREEN, "the terminal's settings", screen -> screen.contains("stty-42")))
                .as("the terminal's line editing and echo are back").contains("\nicanon\n").contains("\necho\n")
                .doesNotContain("-icanon");

        terminal.type("clear; ./jbang watch; echo watch-ended-again-$?");
        terminal.awaitScreen(SCREEN, "watch, opened where it was", screen ->
                screen.contains("Exercise 1.2 (2 of " + total() + ")") && !screen.contains("watch-ended-0"));
        terminal.press("q");
        terminal.awaitScreen(SCREEN, "watch ended again", screen -> screen.contains("watch-ended-again-0"));
    }

    @Test
    @DisplayName("watch S.N opens at that exercise; an unknown one is a usage error")
    void opensWhereItIsTold() throws Exception {
        terminal.type("./jbang watch 4.1; echo watch-ended-$?");
        terminal.awaitScreen(FIRST_SCREEN, "exercise 4.1", screen ->
                screen.contains("Exercise 4.1 (9 of " + total() + ")") && screen.contains("Not started"));
        terminal.press("q");
        terminal.awaitScreen(SCREEN, "watch ended", screen -> screen.contains("watch-ended-0"));

        terminal.type("./jbang watch 9.9; echo watch-ended-$?");
        terminal.awaitScreen(SCREEN, "the usage error", screen ->
                screen.contains("there is no exercise 9.9") && screen.contains("watch-ended-2"));
    }

    /** How many exercises the workbook has, as watch counts them ("Exercise 1.2 (2 of 18)"). */
    private int total() {
        return catalog.exercises().size();
    }

    private Exercise exercise(String number) {
        return catalog.find(ExerciseNumber.parse(number)).orElseThrow();
    }

    private static String firstLineOf(Path hint) throws IOException {
        return Files.readAllLines(hint).stream().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
                .orElseThrow();
    }

    private static Path workbookRoot() {
        return WorkbookLayout.findFrom(Path.of(System.getProperty("basedir", ""))).root();
    }
}
