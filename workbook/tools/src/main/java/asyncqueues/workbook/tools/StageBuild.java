package asyncqueues.workbook.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Compiles stages from their sources alone, with no Maven build, as progress, watch and the
 * tools' own tests need: the foundation (async-task and workbook-support) once, then each stage's
 * main code (the learner's, or any other tree of the same files) and its tests against it, with
 * the libraries on the tools' own class path. The result is what {@link StageTestRun} runs.
 */
final class StageBuild implements AutoCloseable {

    /** A stage compiled: what {@link StageTestRun} needs, or the compiler's errors. */
    sealed interface Result {

        /** It compiled: its classes, its tests' classes, and what they run with. */
        record Compiled(Path mainClasses, Path testClasses, List<Path> dependencies) implements Result {

            public Compiled {
                dependencies = List.copyOf(dependencies);
            }

            /** A run of its tests. */
            StageTestRun tests() {
                return new StageTestRun(testClasses, mainClasses, dependencies);
            }
        }

        /**
         * It did not compile: the main code's errors if it had any, else the tests' ({@code tests}
         * says which: tests that no longer compile against the main code as it is).
         */
        record Failed(List<SourceCompiler.Error> errors, boolean tests) implements Result {

            public Failed {
                errors = List.copyOf(errors);
            }
        }
    }

    private final WorkbookLayout layout;
    private final Path work;
    private final SourceCompiler compiler = new SourceCompiler();
    private final List<Path> libraries = ToolClassPath.entries();
    private final Path foundation;
    /** For each name built, the stamp of the test sources its test classes were compiled from. */
    private final Map<String, String> testsCompiled = new HashMap<>();

    /**
     * Compiles the foundation into {@code work}, where the stages will be compiled too.
     *
     * @throws WorkbookException if the foundation does not compile, so that no stage can
     */
    StageBuild(WorkbookLayout layout, Path work) {
        this.layout = Objects.requireNonNull(layout, "layout must not be null");
        this.work = Objects.requireNonNull(work, "work must not be null");
        this.foundation = work.resolve("foundation");
        SourceCompiler.Result built = compiler.compile(layout.foundationSources(), libraries, foundation);
        if (!built.succeeded()) {
            compiler.close();
            throw new WorkbookException("the foundation (async-task, workbook/support) does not compile, so no"
                    + " stage can: " + built.errors().getFirst().describe(layout));
        }
    }

    /** Compiles the learner's code of {@code stage} and its tests. */
    Result build(Stage stage) {
        return build(stage, layout.stageSources(stage), stage.module(), false);
    }

    /**
     * Compiles the learner's code of {@code stage}, and its tests only if they changed since this
     * build last compiled them: a learner edits the main code, and compiling the tests again
     * each time would double the wait. (Tests compiled against code whose signatures have since
     * changed fail with a {@link LinkageError}; {@link #build(Stage)} compiles them afresh.)
     */
    Result rebuild(Stage stage) {
        return build(stage, layout.stageSources(stage), stage.module(), true);
    }

    /**
     * Compiles {@code mainSources}, in place of the stage's main code, and the stage's tests,
     * under {@code name} in the work directory; what was compiled there before is replaced.
     */
    Result build(Stage stage, Path mainSources, String name) {
        return build(stage, mainSources, name, false);
    }

    private Result build(Stage stage, Path mainSources, String name, boolean reuseTests) {
        Path mainClasses = work.resolve(name).resolve("classes");
        Path testClasses = work.resolve(name).resolve("test-classes");
        StageTestRun.deleteRecursively(mainClasses);
        List<Path> mainPath = concat(List.of(foundation), libraries);
        SourceCompiler.Result main = compiler.compile(List.of(mainSources), mainPath, mainClasses);
        if (!main.succeeded()) {
            return new Result.Failed(main.errors(), false);
        }
        String testStamp = SourceFiles.stamp(layout.stageTestSources(stage));
        if (!reuseTests || !testStamp.equals(testsCompiled.get(name))) {
            testsCompiled.remove(name);
            StageTestRun.deleteRecursively(testClasses);
            SourceCompiler.Result tests = compiler.compile(List.of(layout.stageTestSources(stage)),
                    concat(List.of(mainClasses), mainPath), testClasses);
            if (!tests.succeeded()) {
                return new Result.Failed(tests.errors(), true);
            }
            testsCompiled.put(name, testStamp);
        }
        List<Path> dependencies = new ArrayList<>(List.of(foundation));
        Stream.of("src/main/resources", "src/test/resources")
                .map(resources -> layout.root().resolve(stage.module()).resolve(resources))
                .filter(Files::isDirectory)
                .forEach(dependencies::add);
        return new Result.Compiled(mainClasses, testClasses, dependencies);
    }

    private static List<Path> concat(List<Path> first, List<Path> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    @Override
    public void close() {
        compiler.close();
    }
}
