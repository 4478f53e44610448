//JAVA 21+
//SOURCES ../../async-task/src/main/java/**/*.java
//SOURCES ../support/src/main/java/**/*.java
//SOURCES ../../step02-multi-worker/src/main/java/**/*.java
//SOURCES ../trace/src/main/java/**/*.java
//SOURCES StageLauncher.java

/**
 * Stage 2 (one queue, three consumer threads) on your code.
 * {@code ./jbang step02 [--fast]} runs it; {@code --fast} shortens the chapter's sleeps.
 */
class Step02 {
    public static void main(String[] args) throws Exception {
        StageLauncher.launch(asyncqueues.step02.Main::main, args);
    }
}
