package asyncqueues.workbook.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Listing, reading and writing the files of a source tree; the workbook's sources are UTF-8. */
final class SourceFiles {

    private SourceFiles() {}

    /**
     * Every regular file under {@code dir}, as paths relative to it written with {@code /}, in
     * sorted order; none if {@code dir} does not exist.
     */
    static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> dir.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The {@code .java} files under {@code dir}, as {@link #list} gives them. */
    static List<String> javaFiles(Path dir) {
        return list(dir).stream().filter(SourceFiles::isJava).toList();
    }

    /**
     * A stamp of the tree under {@code dir}: every file's path, time and size. Two stamps are
     * equal when no file was added, removed or written in between.
     */
    static String stamp(Path dir) {
        StringBuilder stamp = new StringBuilder();
        for (String file : list(dir)) {
            Path path = dir.resolve(file);
            try {
                stamp.append(file).append(' ').append(Files.getLastModifiedTime(path).toMillis()).append(' ')
                        .append(Files.size(path)).append('\n');
            } catch (IOException gone) {
                stamp.append(file).append(" gone\n");
            }
        }
        return stamp.toString();
    }

    static boolean isJava(String file) {
        return file.endsWith(".java");
    }

    /**
     * The text of a UTF-8 file.
     *
     * @throws WorkbookException if the file is not valid UTF-8
     */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new WorkbookException(file + " is not valid UTF-8 text; the workbook's sources are UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static void write(Path file, String text) {
        write(file, utf8(text));
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes as UTF-8 text, or {@code null} if they are not valid UTF-8. */
    static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
    }
}
