package asyncqueues.workbook.tools;

import java.io.Serial;

/**
 * A problem with the workbook that a person must fix: a damaged marker, a missing build, an
 * unknown exercise. Its message says what is wrong and where ({@code file:line}), and what to do.
 */
public final class WorkbookException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public WorkbookException(String message) {
        super(message);
    }

    public WorkbookException(String message, Throwable cause) {
        super(message, cause);
    }
}
