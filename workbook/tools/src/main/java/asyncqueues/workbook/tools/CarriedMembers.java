package asyncqueues.workbook.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Members (methods, constructors, fields, nested classes) that a stage's file carries over
 * unchanged from an earlier stage's file, where the rest of the file is its own: stage 2's
 * {@code AsyncRuntime}, say, starts its consumers its own way, but spawns as stage 1's does. In
 * the copy they stand between two marker lines, the first naming the source and the members:
 * <pre>
 *     // Carried over from step01-single-queue's AsyncRuntime.java by ./jbang stubs --write: spawnTask. Edit it there.
 *     ...
 *     // End of the carried-over code.
 * </pre>
 * What stands between them is made, as a carried file is ({@link CarriedFiles#solved}), from the
 * source: that file of the earlier stage's solution for a solution file, of its tests for a test
 * file. The members come in the marker's order of names, the overloads of a name in the source's
 * order, each with the comments and annotations just above it, one blank line apart. A member is
 * found by its declaration at the marker's indentation (a top-level class's members at four
 * spaces; those of its nested classes are deeper). {@code ./jbang stubs --write} writes them,
 * and the check fails when they have drifted, or when a marker is malformed.
 */
final class CarriedMembers {

    static final Pattern BEGIN = Pattern.compile("( *)// Carried over from (step\\d\\d-[a-z0-9-]+)'s ([A-Za-z0-9_]+\\.java)"
            + " by \\./jbang stubs --write: ([A-Za-z0-9_]+(?:, [A-Za-z0-9_]+)*)\\. Edit it there\\.");

    static final String END = "// End of the carried-over code.";

    /** How every begin marker starts: a line that starts so and is not one is malformed. */
    private static final String BEGIN_PREFIX = "// Carried over from ";

    private CarriedMembers() {}

    /** Every file of {@code layout} whose carried members are not what their sources make, as a drift. */
    static List<Stubs.Drift> check(WorkbookLayout layout) {
        List<Stubs.Drift> drifts = new ArrayList<>();
        layout.stages().forEach(only -> forEachCopy(layout, only, (copy, stage, test) -> {
            String have = SourceFiles.read(copy);
            String want = carried(layout, copy, stage, test, have);
            if (!have.equals(want)) {
                String name = layout.relative(copy);
                drifts.add(new Stubs.Drift(stage, name, name, "its carried-over code differs from what its source"
                        + " makes: change the source its marker names, then run './jbang stubs --write', which makes"
                        + " this code from it\n" + UnifiedDiff.between(name + " (as its sources make it)", want,
                                name + " (as it is)", have)));
            }
        }));
        return drifts;
    }

    /**
     * Makes the carried code of every file from its source, writing only the files that change;
     * returns them. Earlier stages' files first, so that a source that carries code itself is up
     * to date before it is read.
     */
    static List<String> write(WorkbookLayout layout) {
        check(layout); // a malformed marker fails here, before anything is written
        return layout.stages().stream().flatMap(stage -> write(layout, stage).stream()).toList();
    }

    /** Makes the carried code of {@code stage}'s files from its sources, writing only the files that change. */
    static List<String> write(WorkbookLayout layout, Stage only) {
        Map<Path, String> changed = new java.util.LinkedHashMap<>(); // all made first: a bad marker writes nothing
        forEachCopy(layout, only, (copy, stage, test) -> {
            String have = SourceFiles.read(copy);
            String want = carried(layout, copy, stage, test, have);
            if (!have.equals(want)) {
                changed.put(copy, want);
            }
        });
        changed.forEach((copy, want) -> SourceFiles.write(copy, SourceFiles.utf8(want)));
        return changed.keySet().stream().map(layout::relative).toList();
    }

    private interface CopyAction {
        void accept(Path copy, Stage stage, boolean test);
    }

    /** Runs {@code action} on every solution and test file of {@code stage} that has a carried region. */
    private static void forEachCopy(WorkbookLayout layout, Stage stage, CopyAction action) {
        for (boolean test : new boolean[] {false, true}) {
            Path sources = CarriedFiles.sources(layout, stage, test);
            for (String file : SourceFiles.javaFiles(sources)) {
                Path copy = sources.resolve(file);
                String text = SourceFiles.read(copy);
                if (text.contains(BEGIN_PREFIX) || text.contains(END)) {
                    action.accept(copy, stage, test);
                }
            }
        }
    }

    /**
     * {@code text}, the text of {@code copy}, with every carried region made from its source.
     *
     * @throws WorkbookException naming the file and line of a marker without its end, of a stage
     *         that is not an earlier one, or of a source or member that does not exist
     */
    static String carried(WorkbookLayout layout, Path copy, Stage stage, boolean test, String text) {
        Map<String, Stage> stages = new TreeMap<>();
        layout.stages().forEach(each -> stages.put(each.module(), each));
        List<MarkedSource.Line> lines = MarkedSource.splitLines(text);
        List<MarkedSource.Line> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            MarkedSource.Line line = lines.get(i);
            result.add(line);
            String where = layout.relative(copy) + ":" + (i + 1) + ": ";
            Matcher begin = BEGIN.matcher(line.text());
            if (!begin.matches()) {
                if (line.text().strip().equals(END)) {
                    throw new WorkbookException(where + "'" + END + "' ends no carried code: no marker line begins it");
                }
                if (line.text().strip().startsWith(BEGIN_PREFIX) && line.text().contains("./jbang stubs --write:")) {
                    throw new WorkbookException(where + "a carried-code marker that does not read '// Carried over from"
                            + " stepNN-name's File.java by ./jbang stubs --write: member, member. Edit it there.'");
                }
                continue;
            }
            int end = endOf(lines, i, begin.group(1));
            if (end < 0) {
                throw new WorkbookException(where + "no line '" + begin.group(1) + END + "' ends the carried code");
            }
            Stage from = stages.get(begin.group(2));
            if (from == null || from.number() >= stage.number()) {
                throw new WorkbookException(where + "code is carried from an earlier stage, not from "
                        + begin.group(2));
            }
            Path source = CarriedFiles.sources(layout, from, test).resolve(CarriedFiles.packageDirectory(from))
                    .resolve(begin.group(3));
            if (!source.toFile().isFile()) {
                throw new WorkbookException(where + "its source " + layout.relative(source) + " does not exist");
            }
            String solved = CarriedFiles.solved(SourceFiles.read(source), from, stage, test);
            List<String> members = members(solved.lines().toList(), Arrays.asList(begin.group(4).split(", ")),
                    begin.group(1), where + layout.relative(source));
            for (String member : members) {
                result.add(new MarkedSource.Line(member, line.terminator()));
            }
            result.add(lines.get(end));
            i = end;
        }
        return MarkedSource.join(result);
    }

    /** The index of the end marker of the region that begins at {@code begin}, or -1. */
    private static int endOf(List<MarkedSource.Line> lines, int begin, String indent) {
        for (int i = begin + 1; i < lines.size(); i++) {
            if (lines.get(i).text().equals(indent + END)) {
                return i;
            }
            if (BEGIN.matcher(lines.get(i).text()).matches()) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The lines of every member of {@code source} named in {@code names}, in that order (the
     * overloads of a name in the source's order), one blank line apart.
     *
     * @throws WorkbookException if a name has no member at {@code indent}
     */
    static List<String> members(List<String> source, List<String> names, String indent, String where) {
        List<String> result = new ArrayList<>();
        for (String name : names) {
            Pattern declaration = declaration(name);
            boolean found = false;
            for (int i = 0; i < source.size(); i++) {
                String line = source.get(i);
                String code = withoutAnnotations(line.substring(Math.min(indent.length(), line.length())));
                if (isMemberLine(line, indent) && declaration.matcher(code).find()) {
                    if (!result.isEmpty()) {
                        result.add("");
                    }
                    result.addAll(source.subList(startOf(source, i, indent), endOf(source, i) + 1));
                    found = true;
                }
            }
            if (!found) {
                throw new WorkbookException(where + " has no member named " + name + " (declared at the marker's"
                        + " indentation, " + indent.length() + " spaces)");
            }
        }
        return result;
    }

    /** A declaration of {@code name}: a method or constructor, a field, or a nested type. */
    private static Pattern declaration(String name) {
        String quoted = Pattern.quote(name);
        return Pattern.compile("(?:\\b(?:class|record|interface|enum)\\s+" + quoted + "\\b)"
                + "|(?:^(?!(?:return|new|throw)\\b)[^=(]*?(?<![.\\w])" + quoted + "\\s*(?:\\(|=|;))");
    }

    /** Whether {@code line} may declare a member at {@code indent}: code there, not a comment. */
    private static boolean isMemberLine(String line, String indent) {
        return line.startsWith(indent) && line.length() > indent.length()
                && " }/*".indexOf(line.charAt(indent.length())) < 0;
    }

    /** {@code code} without the annotations it begins with ({@code @Override public void run() {}}). */
    private static String withoutAnnotations(String code) {
        return code.replaceFirst("^(?:@\\w+(?:\\([^)]*\\))?\\s+)+", "");
    }

    /**
     * The first line of the member declared at {@code declaration}: its comments and annotations
     * first, an annotation's continued lines too (deeper, and ending no statement or block).
     */
    private static int startOf(List<String> source, int declaration, String indent) {
        int start = declaration;
        while (start > 0 && isAttached(source.get(start - 1), indent)) {
            start--;
        }
        return start;
    }

    private static boolean isAttached(String above, String indent) {
        String stripped = above.strip();
        boolean marker = stripped.equals(END) || stripped.startsWith(BEGIN_PREFIX);
        if (stripped.isEmpty() || !above.startsWith(indent) || marker) {
            return false;
        }
        boolean continued = above.length() > indent.length() && above.charAt(indent.length()) == ' '
                && !stripped.endsWith(";") && !stripped.endsWith("}") && !stripped.endsWith("{");
        return continued || stripped.startsWith("@") || stripped.startsWith("/*") || stripped.startsWith("*")
                || stripped.startsWith("//");
    }

    /**
     * The last line of the member declared at {@code declaration}: where its braces close, or its
     * {@code ;} if it has none. Braces in strings, characters, text blocks and comments are not counted.
     */
    private static int endOf(List<String> source, int declaration) {
        int depth = 0;
        boolean opened = false;
        boolean inBlockComment = false;
        boolean inTextBlock = false;
        for (int i = declaration; i < source.size(); i++) {
            String line = source.get(i);
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (inBlockComment) {
                    if (line.startsWith("*/", c)) {
                        inBlockComment = false;
                        c++;
                    }
                } else if (inTextBlock) {
                    if (line.startsWith("\"\"\"", c)) {
                        inTextBlock = false;
                        c += 2;
                    } else if (ch == '\\') {
                        c++;
                    }
                } else if (line.startsWith("//", c)) {
                    break;
                } else if (line.startsWith("/*", c)) {
                    inBlockComment = true;
                    c++;
                } else if (line.startsWith("\"\"\"", c)) {
                    inTextBlock = true;
                    c += 2;
                } else if (ch == '"' || ch == '\'') {
                    c = closingQuote(line, c);
                } else if (ch == '{') {
                    depth++;
                    opened = true;
                } else if (ch == '}') {
                    depth--;
                    if (opened && depth == 0) {
                        return i;
                    }
                } else if (ch == ';' && !opened && depth == 0) {
                    return i;
                }
            }
        }
        return source.size() - 1;
    }

    /** The index of the quote that closes the literal opened at {@code open}, or the line's last index. */
    private static int closingQuote(String line, int open) {
        char quote = line.charAt(open);
        for (int c = open + 1; c < line.length(); c++) {
            if (line.charAt(c) == '\\') {
                c++;
            } else if (line.charAt(c) == quote) {
                return c;
            }
        }
        return line.length() - 1;
    }
}
