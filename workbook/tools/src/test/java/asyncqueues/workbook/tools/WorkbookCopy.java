package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of the workbook as a fresh clone has it, whatever this clone's learner has solved:
 * the files that git tracks, taken from the working tree (so that the check runs the launcher
 * and tools as they are being changed), or, outside a git checkout, every file but git's,
 * jbang's and the builds' ({@code target/}). Each stage's sources are then deleted and made
 * again from the solutions, which is what the check holds the committed stubs to.
 */
final class WorkbookCopy {

    static final String JBANG_CACHE = ".jbang-cache";

    private WorkbookCopy() {}

    /**
     * Copies the workbook at {@code root} to {@code copy}, with the stubs made again, and links
     * the copy's {@value #JBANG_CACHE} to the root's (created if need be), so that {@code ./jbang}
     * in the copy fetches nothing twice; returns {@code copy}. Delete the link, not what it points
     * at, when done with the copy.
     */
    static Path of(Path root, Path copy) throws IOException {
        pristine(root, copy);
        Path cache = Files.createDirectories(root.resolve(JBANG_CACHE));
        Files.createSymbolicLink(copy.resolve(JBANG_CACHE), cache);
        return copy;
    }

    /** Copies the workbook at {@code root} to {@code copy}, with the stubs made again; returns {@code copy}. */
    static Path pristine(Path root, Path copy) throws IOException {
        for (String file : filesToCopy(root)) {
            Path source = root.resolve(file);
            if (Files.exists(source, LinkOption.NOFOLLOW_LINKS)) { // a tracked file may be deleted here
                Path target = copy.resolve(file);
                Files.createDirectories(target.getParent());
                // The attributes keep ./jbang executable.
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
        }
        WorkbookLayout layout = WorkbookLayout.at(copy);
        ExerciseCatalog catalog = ExerciseCatalog.load(layout);
        for (Stage stage : catalog.stages()) {
            deleteTree(layout.stageSources(stage));
        }
        Stubs.write(layout, catalog, true);
        assertThat(Stubs.check(layout, catalog)).as("the stubs of the copy at %s", copy)
                .extracting(Stubs.Drift::describe).isEmpty();
        return copy;
    }

    /** The files to copy, relative to {@code root}, with {@code /} separators. */
    private static List<String> filesToCopy(Path root) throws IOException {
        List<String> tracked = trackedFiles(root);
        return tracked.isEmpty() ? untrackedWorkbookFiles(root) : tracked;
    }

    /** The files under {@code root} that git tracks; none if git is missing or this is no checkout. */
    private static List<String> trackedFiles(Path root) throws IOException {
        Process git;
        try {
            git = new ProcessBuilder("git", "ls-files", "-z")
                    .directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException noGit) {
            return List.of();
        }
        git.getOutputStream().close();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!git.waitFor(1, TimeUnit.MINUTES)) {
                git.destroyForcibly();
                throw new AssertionError("git ls-files did not finish within a minute in " + root);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while git ls-files ran", e);
        }
        return git.exitValue() != 0 ? List.of()
                : Stream.of(listing.split("\0")).filter(file -> !file.isEmpty()).toList();
    }

    /** Every file under {@code root} but those of git, of jbang's cache and of the builds. */
    private static List<String> untrackedWorkbookFiles(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = String.valueOf(dir.getFileName());
                boolean skipped = !dir.equals(root)
                        && (name.equals(".git") || name.equals(JBANG_CACHE) || name.equals("target"));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                files.add(root.relativize(file).toString().replace('\\', '/'));
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) { // does not follow links
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
