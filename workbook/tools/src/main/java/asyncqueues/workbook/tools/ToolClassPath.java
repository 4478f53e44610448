package asyncqueues.workbook.tools;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path these tools run with, which holds the libraries a stage's tests compile against
 * (JUnit, AssertJ, Awaitility) whether the tools run from Maven, from an IDE or from jbang.
 *
 * <p>It is {@code java.class.path}, with the {@code Class-Path} of a manifest-only jar (Surefire
 * starts its JVMs with one) spelled out, plus the URLs of any URL class loader between this class
 * and the system loader. Entries that do not exist are left out.
 */
final class ToolClassPath {

    private ToolClassPath() {}

    static List<Path> entries() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                addWithManifestClassPath(Path.of(entry), entries);
            }
        }
        for (ClassLoader loader = ToolClassPath.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urlLoader) {
                for (URL url : urlLoader.getURLs()) {
                    toPath(url).ifPresent(path -> addWithManifestClassPath(path, entries));
                }
            }
        }
        return List.copyOf(entries);
    }

    private static void addWithManifestClassPath(Path entry, Set<Path> entries) {
        Path absolute = entry.toAbsolutePath().normalize();
        if (!Files.exists(absolute) || !entries.add(absolute) || !absolute.toString().endsWith(".jar")) {
            return;
        }
        for (Path listed : manifestClassPath(absolute)) {
            addWithManifestClassPath(listed, entries);
        }
    }

    /** The jar's {@code Class-Path} entries, resolved against the jar's directory. */
    private static List<Path> manifestClassPath(Path jar) {
        List<Path> listed = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return listed;
            }
            for (String entry : classPath.trim().split("\\s+")) {
                try {
                    listed.add(Path.of(jar.getParent().toUri().resolve(entry)));
                } catch (IllegalArgumentException | FileSystemNotFoundException e) { // InvalidPathException included
                    // an entry that names no local file cannot hold a library we need
                }
            }
        } catch (IOException notAJar) {
            // not a readable jar: it lists nothing
        }
        return listed;
    }

    private static Optional<Path> toPath(URL url) {
        try {
            return Optional.of(Path.of(url.toURI()));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty(); // not a local file
        }
    }
}
