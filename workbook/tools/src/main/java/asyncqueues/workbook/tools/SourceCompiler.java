package asyncqueues.workbook.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles source trees in this JVM with the JDK's compiler, as Maven would: Java 21, UTF-8,
 * annotation processing off. One file manager is kept across compilations so that the libraries'
 * jars are opened once. The source path is always empty: only the given trees are compiled, never
 * a stray {@code .java} file that happens to sit on the class path.
 */
final class SourceCompiler implements AutoCloseable {

    /**
     * A compiler error: where, and what.
     *
     * @param column     the column of the error on its line, counting from 1; 0 if not known
     * @param sourceLine the text of that line, or {@code null} if not known
     */
    record Error(Path file, long line, long column, String sourceLine, String message) {

        /** The error as javac writes it, with the file relative to the workbook's root. */
        String describe(WorkbookLayout layout) {
            String where = file == null ? "" : layout.relative(file) + (line > 0 ? ":" + line : "") + ": ";
            return where + "error: " + message;
        }

        /** {@link #describe}, then the source line and a caret under the column, as javac prints them. */
        List<String> describeWithSource(WorkbookLayout layout) {
            List<String> lines = new ArrayList<>(describe(layout).lines().toList());
            if (sourceLine != null && column > 0) {
                lines.add(sourceLine);
                lines.add(" ".repeat((int) Math.min(column - 1, sourceLine.length())) + "^");
            }
            return lines;
        }
    }

    /** The errors of one compilation; none if it succeeded. */
    record Result(List<Error> errors) {

        Result {
            errors = List.copyOf(errors);
        }

        boolean succeeded() {
            return errors.isEmpty();
        }
    }

    private static final List<String> OPTIONS =
            List.of("--release", "21", "-encoding", "UTF-8", "-proc:none", "-g", "-nowarn", "-Xlint:none");

    private final JavaCompiler compiler;
    private final StandardJavaFileManager files;

    /**
     * @throws WorkbookException if this Java runtime has no compiler (a JRE rather than a JDK)
     */
    SourceCompiler() {
        compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new WorkbookException("this Java runtime (" + System.getProperty("java.home") + ") has no Java"
                    + " compiler; run the tools on a JDK 21 or newer");
        }
        files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    }

    /**
     * Compiles every {@code .java} file under {@code sourceRoots} into {@code output}.
     *
     * @param classPath what the sources compile against, besides the JDK
     */
    Result compile(List<Path> sourceRoots, List<Path> classPath, Path output) {
        List<Path> sources = new ArrayList<>();
        for (Path root : sourceRoots) {
            SourceFiles.javaFiles(root).forEach(file -> sources.add(root.resolve(file)));
        }
        try {
            Files.createDirectories(output);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a compilation into " + output, e);
        }
        if (sources.isEmpty()) {
            return new Result(List.of());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
        compiler.getTask(null, files, diagnostics, OPTIONS, null, units).call();
        List<Error> errors = diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .map(SourceCompiler::error)
                .toList();
        return new Result(errors);
    }

    private static Error error(Diagnostic<? extends JavaFileObject> diagnostic) {
        Path file = diagnostic.getSource() == null ? null : Path.of(diagnostic.getSource().toUri());
        long line = diagnostic.getLineNumber();
        return new Error(file, line, Math.max(0, diagnostic.getColumnNumber()), sourceLine(file, line),
                diagnostic.getMessage(Locale.ROOT));
    }

    /** Line {@code line} of {@code file}, tabs as spaces, or {@code null} if it cannot be read. */
    private static String sourceLine(Path file, long line) {
        if (file == null || line < 1) {
            return null;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.skip(line - 1).findFirst().map(text -> text.replace('\t', ' ')).orElse(null);
        } catch (IOException | UncheckedIOException unreadable) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            files.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the compiler's file manager", e);
        }
    }
}
