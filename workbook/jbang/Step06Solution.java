//JAVA 21+
//SOURCES ../../async-task/src/main/java/**/*.java
//SOURCES ../support/src/main/java/**/*.java
//SOURCES ../../solutions/step06-background/src/main/java/**/*.java
//SOURCES ../trace/src/main/java/**/*.java
//SOURCES StageLauncher.java

/**
 * Stage 6 (a background process that never finishes) on the reference code.
 * {@code ./jbang step06-solution [--fast]} runs it; {@code --fast} shortens the chapter's sleeps.
 */
class Step06Solution {
    public static void main(String[] args) throws Exception {
        StageLauncher.launch(asyncqueues.step06.Main::main, args);
    }
}
