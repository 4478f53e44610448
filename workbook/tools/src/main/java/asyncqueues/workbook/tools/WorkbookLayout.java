package asyncqueues.workbook.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Where things are in a workbook: its stage modules, their sources, solutions, hints and
 * compiled classes. Paths are absolute; {@link #relative(Path)} writes one for a message.
 *
 * @param root the directory of the workbook's root pom (the one whose own artifactId is
 *             {@value #ROOT_ARTIFACT_ID})
 */
public record WorkbookLayout(Path root) {

    /** The artifactId of the workbook's root pom, by which the root is recognised. */
    public static final String ROOT_ARTIFACT_ID = "async-queues-workbook";

    static final String MAIN_SOURCES = "src/main/java";
    static final String TEST_SOURCES = "src/test/java";

    public WorkbookLayout {
        root = Objects.requireNonNull(root, "root must not be null").toAbsolutePath().normalize();
    }

    /**
     * The workbook that holds {@code start}: the nearest directory, from {@code start} upwards,
     * whose pom.xml is the workbook's root pom.
     *
     * @throws WorkbookException if there is none
     */
    public static WorkbookLayout findFrom(Path start) {
        Path absolute = start.toAbsolutePath().normalize();
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return new WorkbookLayout(dir);
            }
        }
        throw new WorkbookException("no workbook found at or above " + absolute + ": the workbook's root is the"
                + " directory whose pom.xml has <artifactId>" + ROOT_ARTIFACT_ID + "</artifactId> (use --root DIR)");
    }

    /**
     * The workbook rooted at {@code dir}.
     *
     * @throws WorkbookException if {@code dir} holds no workbook root pom
     */
    public static WorkbookLayout at(Path dir) {
        if (!isRoot(dir)) {
            throw new WorkbookException(dir.toAbsolutePath().normalize() + " is not the root of the workbook: its"
                    + " pom.xml (if any) is not the one with <artifactId>" + ROOT_ARTIFACT_ID + "</artifactId>");
        }
        return new WorkbookLayout(dir);
    }

    /** Whether {@code dir}'s pom.xml is the workbook's root pom (a child pom names it only as its parent). */
    static boolean isRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        return Files.isRegularFile(pom) && ROOT_ARTIFACT_ID.equals(ownArtifactId(pom));
    }

    private static String ownArtifactId(Path pom) {
        try (InputStream in = Files.newInputStream(pom)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(in).getDocumentElement();
            for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && "artifactId".equals(element.getTagName())) {
                    return element.getTextContent().strip();
                }
            }
            return null;
        } catch (IOException | SAXException | ParserConfigurationException unreadable) {
            return null; // not a pom we can read, so not the workbook's
        }
    }

    /**
     * The stage modules: the directories {@code stepNN-name} at the root that hold a pom.xml,
     * in the order of their numbers.
     *
     * @throws WorkbookException if two modules claim the same stage number
     */
    public List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .map(dir -> Stage.ofModule(dir.getFileName().toString()))
                    .flatMap(Optional::stream)
                    .forEach(stages::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the workbook's root " + root, e);
        }
        stages.sort(Comparator.comparingInt(Stage::number).thenComparing(Stage::module));
        Map<Integer, Stage> byNumber = new HashMap<>();
        for (Stage stage : stages) {
            Stage other = byNumber.putIfAbsent(stage.number(), stage);
            if (other != null) {
                throw new WorkbookException("two stage modules have the number " + stage.number() + ": "
                        + other.module() + " and " + stage.module() + "; rename one of them");
            }
        }
        return List.copyOf(stages);
    }

    /** The learner's main sources of a stage: given code and exercise stubs. */
    public Path stageSources(Stage stage) {
        return root.resolve(stage.module()).resolve(MAIN_SOURCES);
    }

    /** The stage's tests. */
    public Path stageTestSources(Stage stage) {
        return root.resolve(stage.module()).resolve(TEST_SOURCES);
    }

    /** The stage's reference code: {@code solutions/<module>/src/main/java}. */
    public Path solutionSources(Stage stage) {
        return root.resolve("solutions").resolve(stage.module()).resolve(MAIN_SOURCES);
    }

    /** The hint file of an exercise. */
    public Path hintFile(Exercise exercise) {
        return root.resolve(exercise.hintFile());
    }

    /** Where Maven compiles the stage's main code: the learner's. */
    public Path stubClasses(Stage stage) {
        return root.resolve(stage.module()).resolve("target/classes");
    }

    /** Where Maven compiles the stage's tests, against the learner's code. */
    public Path testClasses(Stage stage) {
        return root.resolve(stage.module()).resolve("target/test-classes");
    }

    /**
     * Where the maintainers' check keeps what it builds of a stage: {@code target/check} in the
     * stage module, where the root pom's check profile compiles the stage's tests against its
     * solution ({@code test-classes}), and the check makes and compiles the stubs
     * ({@code stub-sources}, {@code stub-classes}) from the solutions. The learner's own files
     * are never compiled or run by the check.
     */
    public Path checkDirectory(Stage stage) {
        return root.resolve(stage.module()).resolve("target/check");
    }

    /** The stage's tests as the check profile compiles them, against the solution. */
    public Path checkTestClasses(Stage stage) {
        return checkDirectory(stage).resolve("test-classes");
    }

    /** Where Maven compiles the stage's solution. */
    public Path solutionClasses(Stage stage) {
        return root.resolve("solutions").resolve(stage.module()).resolve("target/classes");
    }

    /** The sources every stage compiles against: async-task and workbook-support. */
    public List<Path> foundationSources() {
        return List.of(root.resolve("async-task").resolve(MAIN_SOURCES),
                root.resolve("workbook/support").resolve(MAIN_SOURCES));
    }

    /** Where Maven compiles {@link #foundationSources()}. */
    public List<Path> foundationClasses() {
        return List.of(root.resolve("async-task/target/classes"), root.resolve("workbook/support/target/classes"));
    }

    /** {@code path} relative to the root, with {@code /} separators, for a message. */
    public String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String shown = absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
        return shown.replace('\\', '/');
    }
}
