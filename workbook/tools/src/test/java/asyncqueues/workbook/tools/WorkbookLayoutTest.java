package asyncqueues.workbook.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkbookLayoutTest extends OnAFixtureCopy {

    @Test
    void theRootIsFoundFromBelowAndAChildPomNamingItAsParentIsNotTheRoot() {
        Path deep = layout.root().resolve("step01-single-queue/src/main/java");

        assertThat(WorkbookLayout.findFrom(deep).root()).isEqualTo(layout.root());
        assertThat(WorkbookLayout.isRoot(layout.root().resolve("step01-single-queue"))).isFalse();
    }

    @Test
    void aDirectoryThatIsNotTheRootIsRejectedByName() {
        Path stage = layout.root().resolve("step01-single-queue");

        assertThatThrownBy(() -> WorkbookLayout.at(stage))
                .isInstanceOf(WorkbookException.class)
                .hasMessageStartingWith(stage + " is not the root of the workbook");
    }

    @Test
    void stagesAreTheStepModulesInOrderOfTheirNumbers() throws Exception {
        SourceFiles.write(layout.root().resolve("step10-later/pom.xml"), "<project/>");
        Files.createDirectories(layout.root().resolve("step03-no-pom"));
        SourceFiles.write(layout.root().resolve("stepping-stone/pom.xml"), "<project/>");
        SourceFiles.write(layout.root().resolve("step00-zero/pom.xml"), "<project/>");

        assertThat(layout.stages()).containsExactly(new Stage(1, "step01-single-queue"),
                new Stage(2, "step02-multi-worker"), new Stage(10, "step10-later"));
    }

    @Test
    void twoStagesWithOneNumberAreAnError() {
        SourceFiles.write(layout.root().resolve("step02-again/pom.xml"), "<project/>");

        assertThatThrownBy(() -> layout.stages())
                .isInstanceOf(WorkbookException.class)
                .hasMessage("two stage modules have the number 2: step02-again and step02-multi-worker; rename one of them");
    }

    @Test
    void pathsFollowTheMavenLayout() {
        Stage stage = new Stage(1, "step01-single-queue");

        assertThat(layout.relative(layout.stageSources(stage))).isEqualTo("step01-single-queue/src/main/java");
        assertThat(layout.relative(layout.stageTestSources(stage))).isEqualTo("step01-single-queue/src/test/java");
        assertThat(layout.relative(layout.solutionSources(stage))).isEqualTo("solutions/step01-single-queue/src/main/java");
        assertThat(layout.relative(layout.stubClasses(stage))).isEqualTo("step01-single-queue/target/classes");
        assertThat(layout.relative(layout.testClasses(stage))).isEqualTo("step01-single-queue/target/test-classes");
        assertThat(layout.relative(layout.solutionClasses(stage)))
                .isEqualTo("solutions/step01-single-queue/target/classes");
        assertThat(layout.foundationClasses()).extracting(layout::relative)
                .containsExactly("async-task/target/classes", "workbook/support/target/classes");
    }
}
