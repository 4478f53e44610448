//JAVA 21+
//SOURCES ../../async-task/src/main/java/**/*.java
//SOURCES ../support/src/main/java/**/*.java
//SOURCES ../../step04-stealing/src/main/java/**/*.java
//SOURCES ../trace/src/main/java/**/*.java
//SOURCES StageLauncher.java

/**
 * Stage 4 (consumers steal from the other queue when theirs is empty) on your code.
 * {@code ./jbang step04 [--fast]} runs it; {@code --fast} shortens the chapter's sleeps.
 */
class Step04 {
    public static void main(String[] args) throws Exception {
        StageLauncher.launch(asyncqueues.step04.Main::main, args);
    }
}
