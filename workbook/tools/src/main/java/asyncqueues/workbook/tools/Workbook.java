package asyncqueues.workbook.tools;

import asyncqueues.workbook.testing.ExerciseTags;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The workbook's command line: hints, progress and resets for learners and teachers, and the
 * stubs' check and regeneration for maintainers. {@code ./jbang} runs it; {@link #usage()} lists
 * the commands.
 *
 * <p>Exit codes: {@value #OK} when all is well, {@value #FAILED} when something is unsolved,
 * drifted or broken, {@value #USAGE} when the command line is wrong.
 */
public final class Workbook {

    /** The environment variable in which {@code ./jbang} names the workbook it belongs to. */
    static final String OWN_ROOT = "WORKBOOK_ROOT";

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** A command line that cannot be carried out as written. */
    private static final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** The command line, read: options anywhere, the rest in order. */
    private record Arguments(List<String> words, List<Path> roots, boolean force, boolean check, boolean write,
            boolean help, boolean json, boolean csv, String exercise) {

        static Arguments parse(String... args) {
            List<String> words = new ArrayList<>();
            List<Path> roots = new ArrayList<>();
            boolean force = false;
            boolean check = false;
            boolean write = false;
            boolean help = false;
            boolean json = false;
            boolean csv = false;
            String exercise = null;
            for (int i = 0; i < args.length; i++) {
                String arg = Objects.requireNonNull(args[i], "an argument must not be null");
                switch (arg) {
                    case "--force" -> force = true;
                    case "--check" -> check = true;
                    case "--write" -> write = true;
                    case "--json" -> json = true;
                    case "--csv" -> csv = true;
                    case "--help", "-h", "help" -> help = true;
                    case "--root" -> roots.add(Path.of(valueOf(args, ++i, "--root needs a directory: --root DIR")));
                    case "--exercise" -> {
                        if (exercise != null) {
                            throw new UsageException("--exercise is given twice; progress reads one exercise at a time");
                        }
                        exercise = valueOf(args, ++i, "--exercise needs an exercise number: --exercise 4.1");
                    }
                    default -> {
                        if (arg.startsWith("--root=")) {
                            roots.add(Path.of(arg.substring("--root=".length())));
                        } else if (arg.startsWith("--exercise=")) {
                            exercise = arg.substring("--exercise=".length());
                        } else if (arg.startsWith("-")) {
                            throw new UsageException("unknown option " + arg);
                        } else {
                            words.add(arg);
                        }
                    }
                }
            }
            return new Arguments(List.copyOf(words), List.copyOf(roots), force, check, write, help, json, csv,
                    exercise);
        }

        private static String valueOf(String[] args, int index, String missing) {
            if (index >= args.length || args[index].startsWith("-")) {
                throw new UsageException(missing);
            }
            return args[index];
        }

        /** The one root given, if any. */
        Path root() {
            if (roots.size() > 1) {
                throw new UsageException("--root is given " + roots.size() + " times; only progress reads several");
            }
            return roots.isEmpty() ? null : roots.getFirst();
        }
    }

    private Workbook() {}

    public static void main(String[] args) {
        System.exit(run(Path.of(""), System.out, System.err, args));
    }

    /**
     * Runs one command.
     *
     * @param workingDirectory where the workbook is looked for (it and its parents) unless
     *                         {@code --root DIR} names it; {@code DIR} is resolved against it
     * @return the exit code
     */
    static int run(Path workingDirectory, PrintStream out, PrintStream err, String... args) {
        try {
            Arguments arguments = Arguments.parse(args);
            if (arguments.help()) {
                out.print(usage());
                return OK;
            }
            if (arguments.words().isEmpty()) {
                err.print(usage());
                return USAGE;
            }
            String command = arguments.words().getFirst();
            List<String> operands = arguments.words().subList(1, arguments.words().size());
            checkOptions(command, arguments);
            return switch (command) {
                case "hint" -> hint(layout(workingDirectory, arguments), exercise(command, operands), out);
                case "progress" -> {
                    requireNoOperands(command, operands);
                    yield progress(workingDirectory, arguments, out);
                }
                case "reset" -> reset(layout(workingDirectory, arguments), exercise(command, operands),
                        arguments.force(), out, err);
                case "stubs" -> {
                    requireNoOperands(command, operands);
                    yield stubs(layout(workingDirectory, arguments), arguments, out, err);
                }
                case "watch" -> watch(layout(workingDirectory, arguments), operands, out);
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("workbook: " + e.getMessage());
            err.println("Run with --help to see the commands.");
            return USAGE;
        } catch (WorkbookException e) {
            err.println("workbook: " + e.getMessage());
            return FAILED;
        } catch (UncheckedIOException e) {
            err.println("workbook: " + e.getMessage() + ": " + e.getCause());
            return FAILED;
        }
    }

    /** The commands, for a person. */
    static String usage() {
        return """
                Usage: workbook [--root DIR] COMMAND

                For learners and teachers:
                  hint S.N             show exercise S.N: its title, the file to edit, and its hint
                  progress             compile and test every stage, and show which exercises are solved
                    --root A --root B  a class: several clones (or a folder of clones), each in a JVM of
                                       its own, in one table: learners down, exercises across
                    --exercise S.N     only exercise S.N: solved or not, and the first failure (exits
                                       0 exactly when it is solved, for one learner)
                    --json, --csv      the same data, for a script or a spreadsheet
                  reset S.N [--force]  put the stub of exercise S.N back in your file (only that region;
                                       --force when the region holds code of yours, which is printed)
                  watch [S.N]          test one exercise on every save of its stage's files, starting at
                                       S.N, or where you were, or at the first one not solved

                For maintainers:
                  stubs --check        check that every stub file is what its solution makes, outside
                                       the exercise regions (code in a region is a learner's, not drift)
                  stubs --write        make the stub files again from the solutions, keeping the code
                                       in exercise regions (--force: put every stub back, losing it)

                --root DIR names the workbook's root (default: this directory or the nearest parent that
                holds the workbook's pom.xml, else the workbook of this ./jbang).
                Exit codes: 0 done (all solved, no drift; for a class: every clone measured), 1 not solved,
                drifted or broken, 2 usage error.
                """;
    }

    private static void checkOptions(String command, Arguments arguments) {
        if (arguments.force() && !command.equals("reset") && !command.equals("stubs")) {
            throw new UsageException("--force belongs to reset and stubs --write only");
        }
        if ((arguments.check() || arguments.write()) && !command.equals("stubs")) {
            throw new UsageException("--check and --write belong to stubs only");
        }
        if ((arguments.json() || arguments.csv() || arguments.exercise() != null) && !command.equals("progress")) {
            throw new UsageException("--json, --csv and --exercise belong to progress only");
        }
        if (arguments.json() && arguments.csv()) {
            throw new UsageException("progress writes --json or --csv, not both at once");
        }
        if (arguments.roots().size() > 1 && !command.equals("progress")) {
            throw new UsageException("--root is given " + arguments.roots().size() + " times; only progress reads"
                    + " several (a class)");
        }
    }

    private static WorkbookLayout layout(Path workingDirectory, Arguments arguments) {
        return arguments.root() == null
                ? ownWorkbook(workingDirectory)
                : WorkbookLayout.at(workingDirectory.resolve(arguments.root()));
    }

    /**
     * The workbook at or above {@code workingDirectory}, else the one whose {@code ./jbang} runs
     * these tools ({@value #OWN_ROOT}, which it sets), so that a command works from anywhere.
     */
    private static WorkbookLayout ownWorkbook(Path workingDirectory) {
        try {
            return WorkbookLayout.findFrom(workingDirectory);
        } catch (WorkbookException notInOne) {
            String own = System.getenv(OWN_ROOT);
            if (own == null || own.isBlank() || !WorkbookLayout.isRoot(Path.of(own))) {
                throw notInOne;
            }
            return WorkbookLayout.at(Path.of(own));
        }
    }

    private static ExerciseNumber exercise(String command, List<String> operands) {
        if (operands.size() != 1) {
            throw new UsageException(command + " takes one exercise number, e.g. '" + command + " 1.3'");
        }
        try {
            return ExerciseNumber.parse(operands.getFirst());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void requireNoOperands(String command, List<String> operands) {
        if (!operands.isEmpty()) {
            throw new UsageException(command + " takes no operand; got " + String.join(" ", operands));
        }
    }

    private static Exercise known(ExerciseCatalog catalog, ExerciseNumber number) {
        return catalog.find(number).orElseThrow(() -> new UsageException("there is no exercise " + number
                + "; the exercises are " + (catalog.exercises().isEmpty() ? "(none yet)" : catalog.numbers())));
    }

    private static int hint(WorkbookLayout layout, ExerciseNumber number, PrintStream out) {
        Exercise exercise = known(ExerciseCatalog.load(layout), number);
        Path hint = layout.hintFile(exercise);
        if (!Files.isRegularFile(hint)) {
            throw new WorkbookException("exercise " + number + " has no hint yet: " + exercise.hintFile()
                    + " does not exist");
        }
        out.println("Exercise " + number + ": " + exercise.title());
        out.println("Stage: " + exercise.stage().module());
        out.println("Edit:  " + exercise.learnerFile() + ", between the EXERCISE " + number + " markers");
        out.println("Tests: mvn test -pl " + exercise.stage().module() + " -Dgroups=" + ExerciseTags.of(number.toString())
                + "   (or, on each save: ./jbang watch " + number + ")");
        out.println();
        out.println(SourceFiles.read(hint).strip());
        return OK;
    }

    /**
     * One learner's progress (no root, or one root that is a clone), measured here; or a class's
     * (several roots, or a root that is a folder of clones), each clone in a JVM of its own.
     */
    private static int progress(Path workingDirectory, Arguments arguments, PrintStream out) {
        List<Path> roots = arguments.roots().stream().map(workingDirectory::resolve).toList();
        boolean oneLearner = roots.isEmpty() || (roots.size() == 1 && WorkbookLayout.isRoot(roots.getFirst()));
        WorkbookLayout own = oneLearner ? layout(workingDirectory, arguments) : classWorkbook(roots, workingDirectory);
        ExerciseCatalog catalog = ExerciseCatalog.load(own);
        Optional<Exercise> exercise = Optional.ofNullable(arguments.exercise())
                .map(number -> known(catalog, parseNumber(number)));
        List<Stage> stages = exercise.map(one -> List.of(one.stage())).orElse(List.of());
        ClassReport report;
        if (oneLearner) {
            Progress.Report measured = new Progress(own, catalog)
                    .measure(stages.isEmpty() ? catalog.stages() : stages);
            report = new ClassReport(List.of(new ClassReport.Row(String.valueOf(own.root().getFileName()),
                    own.root().toString(), measured, null)));
        } else {
            report = new ClassProgress().measure(ClassProgress.learnersOf(roots), stages);
        }
        if (arguments.json()) {
            out.print(report.json());
        } else if (arguments.csv()) {
            out.print(report.csv());
        } else if (exercise.isPresent()) {
            report.printExercise(out, exercise.get());
        } else if (oneLearner) {
            report.rows().getFirst().report().print(out);
        } else {
            report.printTable(out);
        }
        out.flush();
        return exitStatus(report, exercise, oneLearner);
    }

    /**
     * For one learner: {@link #OK} when everything asked for is solved (the exercise, or all of
     * them). For a class: {@link #OK} when every clone was measured (and, with an exercise, every
     * learner solved it).
     */
    private static int exitStatus(ClassReport report, Optional<Exercise> exercise, boolean oneLearner) {
        boolean measured = report.rows().stream().allMatch(ClassReport.Row::measured);
        if (exercise.isPresent()) {
            ExerciseNumber number = exercise.get().number();
            return measured && report.solvedBy(number) == report.rows().size() ? OK : FAILED;
        }
        if (oneLearner) {
            return report.rows().getFirst().report().allSolved() ? OK : FAILED;
        }
        return measured ? OK : FAILED;
    }

    /** The workbook whose catalog names a class's exercises: this one, else the first clone. */
    private static WorkbookLayout classWorkbook(List<Path> roots, Path workingDirectory) {
        try {
            return ownWorkbook(workingDirectory);
        } catch (WorkbookException notInOne) {
            return WorkbookLayout.at(ClassProgress.learnersOf(roots).getFirst().root());
        }
    }

    private static ExerciseNumber parseNumber(String text) {
        try {
            return ExerciseNumber.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int watch(WorkbookLayout layout, List<String> operands, PrintStream out) {
        if (operands.size() > 1) {
            throw new UsageException("watch takes at most one exercise number, e.g. 'watch 1.3'");
        }
        ExerciseCatalog catalog = ExerciseCatalog.load(layout);
        Optional<ExerciseNumber> start = Optional.empty();
        if (!operands.isEmpty()) {
            start = Optional.of(known(catalog, exercise("watch", operands)).number());
        }
        try {
            return Watch.run(layout, catalog, start, System.in, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private static int reset(WorkbookLayout layout, ExerciseNumber number, boolean force, PrintStream out,
            PrintStream err) {
        ExerciseCatalog catalog = ExerciseCatalog.load(layout);
        known(catalog, number);
        return switch (new ExerciseReset(layout, catalog).reset(number, force)) {
            case ExerciseReset.Outcome.AlreadyStub(Path file) -> {
                out.println("Exercise " + number + " in " + layout.relative(file) + " is already the stub;"
                        + " nothing to reset.");
                yield OK;
            }
            case ExerciseReset.Outcome.Reset(Path file, int line, String replaced) -> {
                out.println("Exercise " + number + " in " + layout.relative(file) + " is the stub again. The code"
                        + " it held, from line " + line + ", was:");
                out.println(replaced);
                yield OK;
            }
            case ExerciseReset.Outcome.Refused(Path file, int line, String wouldLose) -> {
                err.println("Exercise " + number + " in " + layout.relative(file) + " holds code of yours, from"
                        + " line " + line + "; a reset would lose it:");
                err.println(wouldLose);
                err.println("Nothing was changed. To reset it anyway: ./jbang reset " + number + " --force");
                yield FAILED;
            }
        };
    }

    private static int stubs(WorkbookLayout layout, Arguments arguments, PrintStream out, PrintStream err) {
        if (arguments.check() == arguments.write()) {
            throw new UsageException("stubs takes one of --check or --write");
        }
        if (arguments.force() && !arguments.write()) {
            throw new UsageException("--force belongs to stubs --write, not to stubs --check");
        }
        ExerciseCatalog catalog = ExerciseCatalog.load(layout);
        boolean refusedSome = false;
        if (arguments.write()) {
            Stubs.Written written = Stubs.write(layout, catalog, arguments.force());
            written.files().forEach(file -> out.println("wrote " + file));
            out.println(written.files().size() + " stub file(s) written.");
            if (!written.kept().isEmpty()) {
                out.println("Kept the code in " + written.kept().size() + " exercise region(s), which is yours:");
                written.kept().forEach(region -> out.println("  exercise " + region.exercise() + " in " + region.file()
                        + ":" + region.line()));
                out.println("To put back an exercise's stub: ./jbang reset S.N; every stub, losing that code:"
                        + " ./jbang stubs --write --force");
            }
            written.refused().forEach(drift -> err.println(drift.describe()));
            refusedSome = !written.refused().isEmpty();
        }
        List<Stubs.Drift> drifts = Stubs.check(layout, catalog);
        if (drifts.isEmpty() && !refusedSome) {
            out.println("Every stub file of " + catalog.stages().size() + " stage(s) is what its solution makes"
                    + " (outside the exercise regions).");
            return OK;
        }
        drifts.forEach(drift -> err.println(drift.describe() + "\n"));
        err.println(drifts.size() + " file(s) differ from what the solutions make.");
        return FAILED;
    }
}
