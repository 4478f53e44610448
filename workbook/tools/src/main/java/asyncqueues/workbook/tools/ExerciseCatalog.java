package asyncqueues.workbook.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every exercise of the workbook, found in the solutions.
 *
 * <p>The solutions are the source of truth: an exercise is a marked region in a file under
 * {@code solutions/<stage module>/src/main/java}, and the stage modules are the directories
 * {@code stepNN-name} at the root (see {@link WorkbookLayout#stages()}). Loading checks what the
 * rest of the tools rely on: markers are well formed and balanced, every region holds code, an
 * exercise is marked once in the whole workbook, and its number starts with its stage's number.
 */
public final class ExerciseCatalog {

    private final List<Stage> stages;
    private final List<Exercise> exercises;

    private ExerciseCatalog(List<Stage> stages, List<Exercise> exercises) {
        this.stages = List.copyOf(stages);
        this.exercises = exercises.stream().sorted(Comparator.comparing(Exercise::number)).toList();
    }

    /**
     * Reads the catalog of the workbook at {@code layout}.
     *
     * @throws WorkbookException listing every problem found, each as {@code file:line: what}
     */
    public static ExerciseCatalog load(WorkbookLayout layout) {
        List<Stage> stages = layout.stages();
        List<String> problems = new ArrayList<>();
        List<Exercise> exercises = new ArrayList<>();
        for (Stage stage : stages) {
            Path sources = layout.solutionSources(stage);
            for (String file : SourceFiles.javaFiles(sources)) {
                String name = layout.relative(sources.resolve(file));
                try {
                    MarkedSource source = MarkedSource.parse(name, SourceFiles.read(sources.resolve(file)));
                    for (MarkedSource.Region region : source.regions()) {
                        checkRegion(stage, name, source, region, problems);
                        exercises.add(new Exercise(region.number(), region.title(), stage, file,
                                region.beginLineNumber()));
                    }
                } catch (WorkbookException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        checkEachMarkedOnce(layout, exercises, problems);
        if (!problems.isEmpty()) {
            throw new WorkbookException("the exercise markers in solutions/ have problems:\n  "
                    + String.join("\n  ", problems));
        }
        return new ExerciseCatalog(stages, exercises);
    }

    private static void checkRegion(Stage stage, String name, MarkedSource source, MarkedSource.Region region,
            List<String> problems) {
        String where = name + ":" + region.beginLineNumber() + ": ";
        if (region.number().stage() != stage.number()) {
            problems.add(where + "exercise " + region.number() + " is in " + stage.module() + ", whose exercises are"
                    + " numbered " + stage.number() + ".N; renumber it or move it to stage " + region.number().stage());
        }
        if (MarkedSource.body(source.lines(), region).stream().allMatch(line -> line.text().isBlank())) {
            problems.add(where + "the region of exercise " + region.number() + " is empty; in a solution it holds"
                    + " the exercise's code");
        }
    }

    private static void checkEachMarkedOnce(WorkbookLayout layout, List<Exercise> exercises, List<String> problems) {
        Map<ExerciseNumber, List<Exercise>> byNumber = exercises.stream()
                .collect(Collectors.groupingBy(Exercise::number, LinkedHashMap::new, Collectors.toList()));
        byNumber.forEach((number, marked) -> {
            if (marked.size() > 1) {
                problems.add("exercise " + number + " is marked " + marked.size() + " times: " + marked.stream()
                        .map(e -> layout.relative(layout.solutionSources(e.stage()).resolve(e.file())) + ":" + e.line())
                        .collect(Collectors.joining(", ")) + "; give each region its own number");
            }
        });
    }

    /** The stage modules, in order, with or without exercises. */
    public List<Stage> stages() {
        return stages;
    }

    /** Every exercise, in the order of their numbers. */
    public List<Exercise> exercises() {
        return exercises;
    }

    /** The exercises of one stage, in order. */
    public List<Exercise> exercisesOf(Stage stage) {
        Objects.requireNonNull(stage, "stage must not be null");
        return exercises.stream().filter(exercise -> exercise.stage().equals(stage)).toList();
    }

    /** The exercise with this number, if there is one. */
    public Optional<Exercise> find(ExerciseNumber number) {
        return exercises.stream().filter(exercise -> exercise.number().equals(number)).findFirst();
    }

    /** The stage with this number, if there is one. */
    public Optional<Stage> stage(int number) {
        return stages.stream().filter(stage -> stage.number() == number).findFirst();
    }

    /** The numbers of every exercise, written {@code 1.1, 1.2, ...}, for a message. */
    public String numbers() {
        return exercises.stream().map(exercise -> exercise.number().toString()).collect(Collectors.joining(", "));
    }
}
