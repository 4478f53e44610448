//JAVA 21+
//SOURCES ../../async-task/src/main/java/**/*.java
//SOURCES ../support/src/main/java/**/*.java
//SOURCES ../../solutions/step01-single-queue/src/main/java/**/*.java
//SOURCES ../trace/src/main/java/**/*.java
//SOURCES StageLauncher.java

/**
 * Stage 1 (one queue, one consumer thread) on the reference code.
 * {@code ./jbang step01-solution [--fast]} runs it; {@code --fast} shortens the chapter's sleeps.
 */
class Step01Solution {
    public static void main(String[] args) throws Exception {
        StageLauncher.launch(asyncqueues.step01.Main::main, args);
    }
}
