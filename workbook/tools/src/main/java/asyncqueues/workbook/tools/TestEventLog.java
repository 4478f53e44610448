package asyncqueues.workbook.tools;

import asyncqueues.workbook.testing.TestFailure;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The events of a test run, written by the JVM that runs the tests ({@link ForkedTestRunner})
 * and read back by the one that reports on them ({@link StageTestRun}).
 *
 * <p>The log is a file of records, each flushed as it is written, so that a run killed at its
 * deadline, or ended by the code under test ({@code System.exit}, a full heap), still leaves
 * every event up to that moment, the start of the test that was running included. A record is a
 * kind byte and its fields, in {@link DataOutputStream}'s encoding; strings longer than
 * {@value #MAX_TEXT} characters are cut.
 */
final class TestEventLog {

    /** What a record says. */
    enum Kind { NODE, STARTED, SKIPPED, FINISHED, LAUNCHER_FAILED, DONE }

    /**
     * One record. Fields not used by its kind are {@code null}, empty or 0; {@code nanos} is the
     * writer's {@link System#nanoTime()} when a test started or finished.
     */
    record Event(Kind kind, String id, String parentId, String displayName, boolean test, List<String> tags,
            String reason, TestExecutionResult.Status status, TestFailure failure, long nanos) {}

    private static final int MAX_TEXT = 8_000;

    private TestEventLog() {}

    /** Writes the events of a run into a file, as a listener of the JUnit Platform launcher. */
    static final class Writer implements TestExecutionListener, AutoCloseable {

        private final DataOutputStream out;

        Writer(Path file) throws IOException {
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)));
        }

        @Override
        public synchronized void testPlanExecutionStarted(TestPlan plan) {
            plan.getRoots().forEach(root -> {
                node(root);
                plan.getDescendants(root).forEach(this::node);
            });
        }

        @Override
        public synchronized void dynamicTestRegistered(TestIdentifier identifier) {
            node(identifier);
        }

        @Override
        public synchronized void executionStarted(TestIdentifier identifier) {
            record(Kind.STARTED, () -> {
                out.writeUTF(identifier.getUniqueId());
                out.writeLong(System.nanoTime());
            });
        }

        @Override
        public synchronized void executionSkipped(TestIdentifier identifier, String reason) {
            record(Kind.SKIPPED, () -> {
                out.writeUTF(identifier.getUniqueId());
                writeText(reason);
            });
        }

        @Override
        public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            record(Kind.FINISHED, () -> {
                out.writeUTF(identifier.getUniqueId());
                out.writeLong(System.nanoTime());
                out.writeUTF(result.getStatus().name());
                writeFailure(result.getThrowable().map(TestFailure::of).orElse(null));
            });
        }

        @Override
        public synchronized void testPlanExecutionFinished(TestPlan plan) {
            record(Kind.DONE, () -> {});
        }

        synchronized void launcherFailed(Throwable failure) {
            record(Kind.LAUNCHER_FAILED, () -> writeFailure(TestFailure.of(failure)));
        }

        private void node(TestIdentifier identifier) {
            record(Kind.NODE, () -> {
                out.writeUTF(identifier.getUniqueId());
                out.writeUTF(identifier.getParentId().orElse(""));
                writeText(identifier.getDisplayName());
                out.writeBoolean(identifier.isTest());
                out.writeInt(identifier.getTags().size());
                for (TestTag tag : identifier.getTags()) {
                    out.writeUTF(tag.getName());
                }
            });
        }

        private void writeText(String text) throws IOException {
            out.writeBoolean(text != null);
            if (text != null) {
                out.writeUTF(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text);
            }
        }

        private void writeFailure(TestFailure failure) throws IOException {
            out.writeBoolean(failure != null);
            if (failure == null) {
                return;
            }
            out.writeUTF(failure.type());
            writeText(failure.message());
            out.writeInt(failure.frames().size());
            for (StackTraceElement frame : failure.frames()) {
                out.writeUTF(frame.getClassName());
                out.writeUTF(frame.getMethodName());
                writeText(frame.getFileName());
                out.writeInt(frame.getLineNumber());
            }
            out.writeInt(failure.exercisesNotDone().size());
            for (String exercise : failure.exercisesNotDone()) {
                out.writeUTF(exercise);
            }
            writeFailure(failure.cause());
        }

        private interface Fields {
            void write() throws IOException;
        }

        private void record(Kind kind, Fields fields) {
            try {
                out.writeByte(kind.ordinal());
                fields.write();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the test events", e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            out.close();
        }
    }

    /** Every event in {@code file}, up to its last whole record; none if the file does not exist. */
    static List<Event> read(Path file) {
        List<Event> events = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return events;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                int kind = in.read();
                if (kind < 0) {
                    return events;
                }
                events.add(readEvent(Kind.values()[kind], in));
            }
        } catch (EOFException cutShort) {
            return events; // the writer was stopped in the middle of a record
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test events in " + file, e);
        }
    }

    private static Event readEvent(Kind kind, DataInputStream in) throws IOException {
        return switch (kind) {
            case NODE -> {
                String id = in.readUTF();
                String parent = in.readUTF();
                String name = readText(in);
                boolean test = in.readBoolean();
                List<String> tags = new ArrayList<>();
                for (int i = in.readInt(); i > 0; i--) {
                    tags.add(in.readUTF());
                }
                yield new Event(kind, id, parent.isEmpty() ? null : parent, name, test, tags, null, null, null, 0);
            }
            case STARTED -> new Event(kind, in.readUTF(), null, null, false, List.of(), null, null, null,
                    in.readLong());
            case SKIPPED -> new Event(kind, in.readUTF(), null, null, false, List.of(), readText(in), null, null, 0);
            case FINISHED -> {
                String id = in.readUTF();
                long nanos = in.readLong();
                yield new Event(kind, id, null, null, false, List.of(), null,
                        TestExecutionResult.Status.valueOf(in.readUTF()), readFailure(in), nanos);
            }
            case LAUNCHER_FAILED -> new Event(kind, null, null, null, false, List.of(), null, null, readFailure(in), 0);
            case DONE -> new Event(kind, null, null, null, false, List.of(), null, null, null, 0);
        };
    }

    private static String readText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static TestFailure readFailure(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String type = in.readUTF();
        String message = readText(in);
        List<StackTraceElement> frames = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            String className = in.readUTF();
            String method = in.readUTF();
            String file = readText(in);
            frames.add(new StackTraceElement(className, method, file, in.readInt()));
        }
        List<String> exercisesNotDone = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            exercisesNotDone.add(in.readUTF());
        }
        TestFailure cause = readFailure(in);
        return new TestFailure(type, message, frames, cause, exercisesNotDone);
    }
}
