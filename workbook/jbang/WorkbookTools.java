//JAVA 21+
//DEPS org.junit.platform:junit-platform-launcher:1.14.4
//DEPS org.junit.jupiter:junit-jupiter:5.14.4
//DEPS org.assertj:assertj-core:3.27.7
//DEPS org.awaitility:awaitility:4.3.0
//DEPS io.github.java-diff-utils:java-diff-utils:4.15
//SOURCES ../../async-task/src/main/java/**/*.java
//SOURCES ../support/src/main/java/**/*.java
//SOURCES ../test-support/src/main/java/**/*.java
//SOURCES ../tools/src/main/java/**/*.java

/**
 * The workbook's tools ({@code asyncqueues.workbook.tools.Workbook}) behind {@code ./jbang hint
 * S.N}, {@code progress}, {@code reset S.N [--force]}, {@code watch} and {@code stubs}, with the
 * two modules they build on (workbook-support and workbook-test-support) and the foundation
 * (async-task), which workbook-test-support's helpers for the stages' tests use. The tools run a
 * stage's tests themselves, in JVMs on their own class path, so they need the test libraries: the
 * versions above are the root pom's (JUnit 5.14.4, whose platform is 1.14.4; AssertJ 3.27.7;
 * Awaitility 4.3.0), and JbangLauncherTest holds them in step.
 */
class WorkbookTools {
    public static void main(String[] args) throws Exception {
        asyncqueues.workbook.tools.Workbook.main(args);
    }
}
