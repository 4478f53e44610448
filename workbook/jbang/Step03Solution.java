//JAVA 21+
//SOURCES ../../async-task/src/main/java/**/*.java
//SOURCES ../support/src/main/java/**/*.java
//SOURCES ../../solutions/step03-priority-queues/src/main/java/**/*.java
//SOURCES ../trace/src/main/java/**/*.java
//SOURCES StageLauncher.java

/**
 * Stage 3 (HIGH and LOW queues, routed by a label on the future) on the reference code.
 * {@code ./jbang step03-solution [--fast]} runs it; {@code --fast} shortens the chapter's sleeps.
 */
class Step03Solution {
    public static void main(String[] args) throws Exception {
        StageLauncher.launch(asyncqueues.step03.Main::main, args);
    }
}
