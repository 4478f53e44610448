package asyncqueues.workbook.tools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stub's imports: its solution's, less those that only the answers use. A stub that imported
 * what its answers need would give them away (stage 3's imported {@code Locale},
 * {@code ArrayList} and {@code Spawned}).
 *
 * <p>So a learner who writes an answer adds imports to the file, and those are the learner's, as
 * the answer is: a learner's import line that the stub does not have is never a drift, and a
 * rewritten file keeps it. An import is kept in the stub while its name appears anywhere else in
 * the stub, comments included (a javadoc link needs it too); wildcard imports are always kept.
 */
final class StubImports {

    /** {@code import [static] a.b.Name;} or {@code import [static] a.b.*;}, alone on its line. */
    private static final Pattern IMPORT = Pattern.compile("import\\s+(?:static\\s+)?[\\w.]*?(\\w+|\\*)\\s*;\\s*");

    private StubImports() {}

    static boolean isImport(MarkedSource.Line line) {
        return IMPORT.matcher(line.text()).matches();
    }

    /**
     * {@code lines} without the imports whose name nothing else in them uses; if no import is left,
     * without the blank line that followed the imports either.
     */
    static List<MarkedSource.Line> pruned(List<MarkedSource.Line> lines) {
        StringBuilder rest = new StringBuilder();
        lines.stream().filter(line -> !isImport(line)).forEach(line -> rest.append(line.text()).append('\n'));
        List<MarkedSource.Line> kept = new ArrayList<>(lines.size());
        int lastImport = -1;
        boolean anyImport = false;
        for (MarkedSource.Line line : lines) {
            Matcher imported = IMPORT.matcher(line.text());
            if (!imported.matches()) {
                kept.add(line);
                continue;
            }
            anyImport = true;
            String name = imported.group(1);
            if (name.equals("*") || Pattern.compile("\\b" + name + "\\b").matcher(rest).find()) {
                kept.add(line);
                lastImport = kept.size() - 1;
            } else if (lastImport < 0) {
                lastImport = kept.size() - 1; // where the imports were: after the line before them
            }
        }
        boolean noneLeft = anyImport && kept.stream().noneMatch(StubImports::isImport);
        if (noneLeft && lastImport + 1 < kept.size() && kept.get(lastImport + 1).text().isBlank()) {
            kept.remove(lastImport + 1);
        }
        return kept;
    }

    /** The import lines of {@code learner} that {@code stub} does not have: the learner's own. */
    static List<MarkedSource.Line> learnersOwn(List<MarkedSource.Line> learner, List<MarkedSource.Line> stub) {
        Set<String> stubs = new HashSet<>();
        stub.stream().filter(StubImports::isImport).forEach(line -> stubs.add(line.text().strip()));
        return learner.stream().filter(line -> isImport(line) && !stubs.contains(line.text().strip())).toList();
    }

    /** {@code lines} without {@code own} (lines of theirs, compared by identity). */
    static List<MarkedSource.Line> without(List<MarkedSource.Line> lines, List<MarkedSource.Line> own) {
        List<MarkedSource.Line> rest = new ArrayList<>(lines);
        own.forEach(line -> rest.removeIf(candidate -> candidate == line));
        return rest;
    }

    /**
     * The stub file {@code stub} with the learner's imports: if {@code learner} has every import
     * of the stub's one block and more, its whole import block, in its order (an IDE sorts a
     * block it adds to), in place of the stub's; otherwise the stub with the learner's own
     * imports added ({@link #with}).
     */
    static List<MarkedSource.Line> keepingLearners(List<MarkedSource.Line> stub, List<MarkedSource.Line> learner) {
        List<MarkedSource.Line> own = learnersOwn(learner, stub);
        if (own.isEmpty()) {
            return stub;
        }
        List<Integer> stubImports = new ArrayList<>();
        for (int i = 0; i < stub.size(); i++) {
            if (isImport(stub.get(i))) {
                stubImports.add(i);
            }
        }
        List<MarkedSource.Line> theirs = learner.stream().filter(StubImports::isImport).toList();
        Set<String> theirTexts = new HashSet<>();
        theirs.forEach(line -> theirTexts.add(line.text().strip()));
        boolean oneBlock = !stubImports.isEmpty()
                && stubImports.getLast() - stubImports.getFirst() == stubImports.size() - 1;
        boolean keepsAll = stubImports.stream().allMatch(i -> theirTexts.contains(stub.get(i).text().strip()));
        if (!oneBlock || !keepsAll) {
            return with(stub, own);
        }
        List<MarkedSource.Line> result = new ArrayList<>(stub.subList(0, stubImports.getFirst()));
        result.addAll(theirs);
        result.addAll(stub.subList(stubImports.getLast() + 1, stub.size()));
        return result;
    }

    /**
     * {@code lines} with {@code own} added after their last import, or, if they have none, after
     * the package line, as a block of its own.
     */
    static List<MarkedSource.Line> with(List<MarkedSource.Line> lines, List<MarkedSource.Line> own) {
        if (own.isEmpty()) {
            return lines;
        }
        List<MarkedSource.Line> result = new ArrayList<>(lines);
        int lastImport = -1;
        int packageLine = -1;
        for (int i = 0; i < result.size(); i++) {
            if (isImport(result.get(i))) {
                lastImport = i;
            } else if (packageLine < 0 && result.get(i).text().startsWith("package ")) {
                packageLine = i;
            }
        }
        if (lastImport >= 0) {
            result.addAll(lastImport + 1, own);
        } else {
            String terminator = packageLine >= 0 ? result.get(packageLine).terminator() : "\n";
            List<MarkedSource.Line> block = new ArrayList<>(own);
            block.add(new MarkedSource.Line("", terminator));
            result.addAll(packageLine + 2 <= result.size() ? packageLine + 2 : result.size(), block);
        }
        return result;
    }
}
