//JAVA 21+
//SOURCES ../../async-task/src/main/java/**/*.java
//SOURCES ../support/src/main/java/**/*.java
//SOURCES ../../step06-background/src/main/java/**/*.java
//SOURCES ../trace/src/main/java/**/*.java
//SOURCES StageLauncher.java

/**
 * Stage 6 (a background process that never finishes) on your code.
 * {@code ./jbang step06 [--fast]} runs it; {@code --fast} shortens the chapter's sleeps.
 */
class Step06 {
    public static void main(String[] args) throws Exception {
        StageLauncher.launch(asyncqueues.step06.Main::main, args);
    }
}
