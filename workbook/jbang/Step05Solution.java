//JAVA 21+
//SOURCES ../../async-task/src/main/java/**/*.java
//SOURCES ../support/src/main/java/**/*.java
//SOURCES ../../solutions/step05-builder-macros/src/main/java/**/*.java
//SOURCES ../trace/src/main/java/**/*.java
//SOURCES StageLauncher.java

/**
 * Stage 5 (spawnTask with a default order, join, the runtime builder) on the reference code.
 * {@code ./jbang step05-solution [--fast]} runs it; {@code --fast} shortens the chapter's sleeps.
 */
class Step05Solution {
    public static void main(String[] args) throws Exception {
        StageLauncher.launch(asyncqueues.step05.Main::main, args);
    }
}
