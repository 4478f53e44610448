package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a teacher waits for a class report of 30 clones of the workbook: 8 untouched, 8 with
 * stages 1 and 2 solved, 8 with everything solved, and 6 broken ones (2 that do not compile, 2
 * whose code ends the test JVM, 1 that fills its heap, 1 whose code never ends). Prints the time
 * and the table. A measurement, not a check, so it runs only when asked:
 * {@code mvn test -pl workbook/tools -Dtest=ClassProgressMeasurement -Dworkbook.class.measure=true}.
 */
@DisplayName("progress of a class of 30")
@EnabledIfSystemProperty(named = "workbook.class.measure", matches = "true")
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class ClassProgressMeasurement {

    @TempDir
    Path scratch;

    @Test
    void measure() throws Exception {
        Path root = WorkbookLayout.findFrom(Path.of(System.getProperty("basedir", ""))).root();
        Path template = WorkbookCopy.pristine(root, scratch.resolve("template"));
        Path classFolder = scratch.resolve("class");
        for (int learner = 1; learner <= 30; learner++) {
            int i = learner;
            WorkbookLayout clone = copy(template, classFolder.resolve("learner%02d".formatted(i)));
            ExerciseCatalog catalog = ExerciseCatalog.load(clone);
            if (i > 8) { // stages 1 and 2, or everything
                catalog.exercises().stream().filter(exercise -> i > 16 || exercise.stage().number() <= 2)
                        .forEach(exercise -> Fixture.solve(clone, exercise));
            }
            Path runtime = clone.stageSources(catalog.stages().getFirst()).resolve("asyncqueues/step01/AsyncRuntime.java");
            Path block = clone.stageSources(catalog.stages().getFirst()).resolve("asyncqueues/step01/AsyncBlock.java");
            switch (i) {
                case 25, 26 -> Fixture.edit(runtime, "static void consume(", "static void consume((");
                case 27, 28 -> Fixture.edit(runtime, "TaskRunnable runnable = queue.take();",
                        "TaskRunnable runnable = queue.take(); if (runnable != null) System.exit(3);");
                case 29 -> Fixture.edit(block, "public Poll<T> poll(Context cx) {",
                        "public Poll<T> poll(Context cx) { java.util.List<long[]> kept = new java.util.ArrayList<>();"
                                + " while (kept.add(new long[1 << 20])) { }");
                case 30 -> Fixture.edit(block, "public Poll<T> poll(Context cx) {",
                        "public Poll<T> poll(Context cx) { while (cx != null) { Thread.onSpinWait(); }");
                default -> { }
            }
        }

        long start = System.nanoTime();
        ClassReport report = new ClassProgress().measure(ClassProgress.learnersOf(List.of(classFolder)), List.of());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        report.printTable(System.out);
        System.out.println("30 clones measured in " + took.toSeconds() + " s with "
                + Runtime.getRuntime().availableProcessors() + " processors");
        assertThat(report.rows()).hasSize(30);
    }

    private static WorkbookLayout copy(Path template, Path clone) throws Exception {
        try (var files = Files.walk(template)) {
            for (Path file : files.toList()) {
                Path target = clone.resolve(template.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return WorkbookLayout.at(clone);
    }
}
