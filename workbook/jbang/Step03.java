//JAVA 21+
//SOURCES ../../async-task/src/main/java/**/*.java
//SOURCES ../support/src/main/java/**/*.java
//SOURCES ../../step03-priority-queues/src/main/java/**/*.java
//SOURCES ../trace/src/main/java/**/*.java
//SOURCES StageLauncher.java

/**
 * Stage 3 (HIGH and LOW queues, routed by a label on the future) on your code.
 * {@code ./jbang step03 [--fast]} runs it; {@code --fast} shortens the chapter's sleeps.
 */
class Step03 {
    public static void main(String[] args) throws Exception {
        StageLauncher.launch(asyncqueues.step03.Main::main, args);
    }
}
