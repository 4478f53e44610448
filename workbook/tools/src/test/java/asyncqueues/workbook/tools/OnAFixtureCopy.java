package asyncqueues.workbook.tools;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test on a copy of the fixture workbook ({@link Fixture}) of its own, made before each test. */
abstract class OnAFixtureCopy {

    @TempDir
    Path dir;

    /** The copy. */
    WorkbookLayout layout;

    @BeforeEach
    final void copyFixture() {
        layout = Fixture.copyTo(dir);
    }
}
