package asyncqueues.workbook.tools;

import asyncqueues.workbook.testing.FailureText;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a class stands: a row per learner, each the {@link Progress.Report} of their clone, or the
 * reason it could not be measured. It prints as a table (learners down, exercises across, with
 * the totals of both), as a reading of one exercise across the class, as JSON and as CSV.
 */
final class ClassReport {

    /**
     * One learner's row.
     *
     * @param report  their clone's report, or {@code null} if it could not be measured
     * @param problem why it could not be measured, or {@code null}
     */
    record Row(String learner, String root, Progress.Report report, String problem) {

        Row {
            Objects.requireNonNull(learner, "learner must not be null");
            if ((report == null) == (problem == null)) {
                throw new IllegalArgumentException("a row has a report or a problem, not both or neither");
            }
        }

        boolean measured() {
            return report != null;
        }

        Optional<Progress.ExerciseProgress> exercise(ExerciseNumber number) {
            return measured() ? report.exercise(number) : Optional.empty();
        }
    }

    private static final int WIDTH = Progress.WIDTH;
    private static final int FAILURE_LINES = 8;
    private static final String LEGEND = "✓ solved  ✗ its tests fail  T its tests time out  · not started"
            + "  C does not compile  ! not measured";

    private final List<Row> rows;

    ClassReport(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    List<Row> rows() {
        return rows;
    }

    /** Every exercise of the class's reports, in order. */
    List<Exercise> exercises() {
        Map<ExerciseNumber, Exercise> exercises = new TreeMap<>();
        rows.stream().filter(Row::measured).flatMap(row -> row.report().exercises().stream())
                .forEach(row -> exercises.putIfAbsent(row.exercise().number(), row.exercise()));
        return List.copyOf(exercises.values());
    }

    /** How many learners solved {@code number}. */
    long solvedBy(ExerciseNumber number) {
        return rows.stream().filter(row -> row.exercise(number).filter(Progress.ExerciseProgress::solved).isPresent())
                .count();
    }

    /** Learners down, exercises across, the totals of both; then the notes, the legend and the titles. */
    void printTable(PrintStream out) {
        List<Exercise> exercises = exercises();
        int name = nameWidth();
        int cell = name + 1 + 4 * exercises.size() + 8 <= WIDTH ? 4 : 3;
        long solved = rows.stream().filter(Row::measured).mapToLong(row -> row.report().solved()).sum();
        out.println("A class of " + rows.size() + " learner" + (rows.size() == 1 ? "" : "s") + ": " + solved + " of "
                + (long) rows.size() * exercises.size() + " exercises solved");
        out.println();
        StringBuilder header = new StringBuilder(pad("learner", name)).append(' ');
        exercises.forEach(exercise -> header.append(right(exercise.number().toString(), cell)));
        out.println(header.append("  solved"));
        for (Row row : rows) {
            StringBuilder line = new StringBuilder(pad(row.learner(), name)).append(' ');
            if (!row.measured()) {
                List<String> problem = FailureText.wrap("! not measured: " + row.problem(), WIDTH - name - 3);
                out.println(line.append("  ").append(problem.getFirst()));
                problem.subList(1, problem.size()).forEach(more -> out.println(" ".repeat(name + 3) + more));
                continue;
            }
            for (Exercise exercise : exercises) {
                line.append(right(row.exercise(exercise.number()).map(cellOf -> cellOf.state().mark()).orElse("?"), cell));
            }
            out.println(line.append(right(row.report().solved() + "/" + exercises.size(), 8)));
        }
        StringBuilder totals = new StringBuilder(pad("solved by", name)).append(' ');
        exercises.forEach(exercise -> totals.append(right(String.valueOf(solvedBy(exercise.number())), cell)));
        out.println(totals.append(right("of " + rows.size(), 8)));
        printNotes(out);
        out.println();
        out.println(LEGEND);
        out.println();
        out.println("Exercises");
        for (Exercise exercise : exercises) {
            List<String> title = FailureText.wrap(exercise.title(), WIDTH - 8);
            out.printf("  %-5s %s%n", exercise.number(), title.getFirst());
            title.subList(1, title.size()).forEach(more -> out.println("        " + more));
        }
    }

    /** What a teacher should know of each measured clone beyond its cells: compile errors, broken given code. */
    private void printNotes(PrintStream out) {
        boolean first = true;
        for (Row row : rows) {
            if (!row.measured()) {
                continue;
            }
            for (Progress.StageProgress stage : row.report().stages()) {
                for (String note : stage.notes()) {
                    if (first) {
                        out.println();
                        out.println("Notes");
                        first = false;
                    }
                    List<String> lines = FailureText.wrap(row.learner() + ", " + stage.stage().module() + ": "
                            + note.replace("\n", " "), WIDTH - 4);
                    out.println("  " + lines.getFirst());
                    lines.subList(1, lines.size()).forEach(more -> out.println("    " + more));
                }
            }
        }
    }

    /** Exercise {@code number} across the class: who solved it, and each other learner's first failure. */
    void printExercise(PrintStream out, Exercise exercise) {
        out.println("Exercise " + exercise.number() + ": " + exercise.title());
        out.println(solvedBy(exercise.number()) + " of " + rows.size() + " learner" + (rows.size() == 1 ? "" : "s")
                + " solved it");
        int name = nameWidth();
        String indent = " ".repeat(name + 3);
        for (Row row : rows) {
            out.println();
            if (!row.measured()) {
                out.println(pad(row.learner(), name) + "  ! not measured: " + row.problem());
                continue;
            }
            Optional<Progress.ExerciseProgress> progress = row.exercise(exercise.number());
            if (progress.isEmpty()) {
                out.println(pad(row.learner(), name) + "  ? their workbook has no exercise " + exercise.number());
                continue;
            }
            Progress.ExerciseProgress cell = progress.get();
            String state = cell.state() + (cell.detail().isEmpty() ? "" : ": " + cell.detail());
            out.println(pad(row.learner(), name) + "  " + cell.state().mark() + " " + state);
            if (!cell.firstFailure().isEmpty()) {
                cell.firstFailure().lines()
                        .flatMap(line -> wrapIndented(line, WIDTH - indent.length()).stream())
                        .limit(FAILURE_LINES)
                        .forEach(line -> out.println(indent + line));
            }
        }
    }

    /** The report as JSON: the exercises with their totals, and each learner's row. */
    String json() {
        List<Object> exercises = new ArrayList<>();
        for (Exercise exercise : exercises()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", exercise.number().toString());
            entry.put("title", exercise.title());
            entry.put("stage", exercise.stage().module());
            entry.put("solvedBy", solvedBy(exercise.number()));
            exercises.add(entry);
        }
        List<Object> learners = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> learner = new LinkedHashMap<>();
            learner.put("name", row.learner());
            learner.put("root", row.root());
            learner.put("measured", row.measured());
            learner.put("problem", row.problem());
            if (row.measured()) {
                learner.put("solved", row.report().solved());
                learner.put("exercises", row.report().exercises().size());
                Map<String, Object> cells = new LinkedHashMap<>();
                for (Progress.ExerciseProgress cell : row.report().exercises()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("state", stateName(cell.state()));
                    entry.put("detail", cell.detail());
                    entry.put("firstFailure", cell.firstFailure().isEmpty() ? null : cell.firstFailure());
                    cells.put(cell.exercise().number().toString(), entry);
                }
                learner.put("results", cells);
                learner.put("notes", row.report().stages().stream()
                        .flatMap(stage -> stage.notes().stream().map(note -> stage.stage().module() + ": " + note))
                        .toList());
            }
            learners.add(learner);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("learners", learners);
        report.put("exercises", exercises);
        return Json.of(report);
    }

    /** The report as CSV, a row per learner and exercise (a row per learner not measured). */
    String csv() {
        StringBuilder csv = new StringBuilder(csvLine(
                List.of("learner", "exercise", "title", "state", "detail", "first failure")));
        for (Row row : rows) {
            if (!row.measured()) {
                csv.append(csvLine(List.of(row.learner(), "", "", "not measured", row.problem(), "")));
                continue;
            }
            for (Progress.ExerciseProgress cell : row.report().exercises()) {
                csv.append(csvLine(List.of(row.learner(), cell.exercise().number().toString(), cell.exercise().title(),
                        stateName(cell.state()), cell.detail(), cell.firstFailure())));
            }
        }
        return csv.toString();
    }

    /** The state as a word a script can match: {@code solved}, {@code failing}, {@code not-started}, ... */
    static String stateName(Progress.State state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code values} as one line of CSV (RFC 4180): a field with a comma, quote or line break is quoted. */
    private static String csvLine(List<String> values) {
        List<String> fields = new ArrayList<>();
        for (String value : values) {
            boolean quote = value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
            fields.add(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        return String.join(",", fields) + "\r\n";
    }

    /** {@code line} wrapped to {@code width}, each continuation indented as the line is. */
    private static List<String> wrapIndented(String line, int width) {
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        List<String> wrapped = FailureText.wrap(line.strip(), width - indent.length());
        return wrapped.stream().map(part -> indent + part).toList();
    }

    /** The width of the learners' column: their longest name, within bounds. */
    private int nameWidth() {
        return Math.min(18, Math.max(10, rows.stream().mapToInt(row -> row.learner().length()).max().orElse(0)));
    }

    private static String pad(String text, int width) {
        String shown = text.length() <= width ? text : text.substring(0, width - 1) + "…";
        return shown + " ".repeat(width - shown.length());
    }

    private static String right(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

}
