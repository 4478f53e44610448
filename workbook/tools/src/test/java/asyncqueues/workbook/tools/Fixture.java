package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The miniature workbook of src/test/resources/fixture-workbook: two stages, exercises 1.1, 1.2,
 * 1.3 and 2.1, stubs that are what their solutions make, hints, and tests of both kinds. Tests copy it
 * into a temporary directory, change what they need, and compile it where Maven would.
 */
final class Fixture {

    static final ExerciseNumber ADD = ExerciseNumber.parse("1.1");
    static final ExerciseNumber NEGATE = ExerciseNumber.parse("1.2");
    static final ExerciseNumber SUBTRACT = ExerciseNumber.parse("1.3");
    static final ExerciseNumber DOUBLE = ExerciseNumber.parse("2.1");

    static final String ADDER = "asyncqueues/step01/Adder.java";
    static final String DOUBLER = "asyncqueues/step02/Doubler.java";

    private Fixture() {}

    /** A fresh copy of the fixture under {@code dir}, in its sub-folder {@code workbook}. */
    static WorkbookLayout copyTo(Path dir) {
        return copyAs(dir.resolve("workbook"));
    }

    /** A fresh copy of the fixture whose root is {@code root}. */
    static WorkbookLayout copyAs(Path root) {
        Path source = resource("/fixture-workbook");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = root.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WorkbookLayout(root);
    }

    /**
     * Compiles the fixture into the directories Maven would use: the stages and their tests, the
     * solutions, and (as the check profile does) the tests against the solutions.
     */
    static void build(WorkbookLayout layout) {
        List<Path> libraries = ToolClassPath.entries();
        try (SourceCompiler compiler = new SourceCompiler()) {
            List<Path> foundation = layout.foundationClasses();
            for (int i = 0; i < foundation.size(); i++) {
                compile(compiler, layout.foundationSources().get(i), libraries, foundation.get(i));
            }
            List<Path> stageClassPath = Stream.concat(foundation.stream(), libraries.stream()).toList();
            for (Stage stage : layout.stages()) {
                compile(compiler, layout.stageSources(stage), stageClassPath, layout.stubClasses(stage));
                compile(compiler, layout.solutionSources(stage), stageClassPath, layout.solutionClasses(stage));
                compile(compiler, layout.stageTestSources(stage),
                        Stream.concat(Stream.of(layout.stubClasses(stage)), stageClassPath.stream()).toList(),
                        layout.testClasses(stage));
                compile(compiler, layout.stageTestSources(stage),
                        Stream.concat(Stream.of(layout.solutionClasses(stage)), stageClassPath.stream()).toList(),
                        layout.checkTestClasses(stage));
            }
        }
    }

    private static void compile(SourceCompiler compiler, Path sources, List<Path> classPath, Path output) {
        SourceCompiler.Result result = compiler.compile(List.of(sources), classPath, output);
        assertThat(result.errors()).as("compiling the fixture's %s", sources).isEmpty();
    }

    /**
     * Writes the solution's code for {@code exercise} into the learner's file, and the imports it
     * needs (those of the solution that the file lacks), as a learner would.
     */
    static void solve(WorkbookLayout layout, Exercise exercise) {
        Path learner = layout.stageSources(exercise.stage()).resolve(exercise.file());
        Path solution = layout.solutionSources(exercise.stage()).resolve(exercise.file());
        List<MarkedSource.Line> solutionLines = MarkedSource.splitLines(SourceFiles.read(solution));
        List<MarkedSource.Line> learnerLines = MarkedSource.splitLines(SourceFiles.read(learner));
        MarkedSource.Region solved = MarkedSource.locate("solution", solutionLines, exercise.number());
        MarkedSource.Region stub = MarkedSource.locate("learner", learnerLines, exercise.number());
        List<MarkedSource.Line> solvedLines = MarkedSource.splitLines(
                MarkedSource.withBody(learnerLines, stub, MarkedSource.body(solutionLines, solved)));
        SourceFiles.write(learner, MarkedSource.join(StubImports.with(solvedLines,
                StubImports.learnersOwn(solutionLines, learnerLines))));
    }

    /** Replaces the one occurrence of {@code from} in {@code file} with {@code to}. */
    static void edit(Path file, String from, String to) {
        String text = SourceFiles.read(file);
        assertThat(text).as("the text to edit in %s", file).containsOnlyOnce(from);
        SourceFiles.write(file, text.replace(from, to));
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixture.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
