//JAVA 21+
//SOURCES ../../async-task/src/main/java/**/*.java
//SOURCES ../support/src/main/java/**/*.java
//SOURCES ../../step01-single-queue/src/main/java/**/*.java
//SOURCES ../trace/src/main/java/**/*.java
//SOURCES StageLauncher.java

/**
 * Stage 1 (one queue, one consumer thread) on your code.
 * {@code ./jbang step01 [--fast]} runs it; {@code --fast} shortens the chapter's sleeps.
 */
class Step01 {
    public static void main(String[] args) throws Exception {
        StageLauncher.launch(asyncqueues.step01.Main::main, args);
    }
}
