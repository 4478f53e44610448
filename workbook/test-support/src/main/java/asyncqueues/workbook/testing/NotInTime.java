package asyncqueues.workbook.testing;

/**
 * A test's bounded wait ran out: what it waited for did not happen in time. Its message says
 * what did not happen, and where in the learner's code to look.
 */
public final class NotInTime extends AssertionError {

    private static final long serialVersionUID = 1L;

    public NotInTime(String message) {
        super(message);
    }
}
