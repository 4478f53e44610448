//JAVA 21+
//SOURCES ../../async-task/src/main/java/**/*.java
//SOURCES ../support/src/main/java/**/*.java
//SOURCES ../../step07-parking/src/main/java/**/*.java
//SOURCES ../trace/src/main/java/**/*.java
//SOURCES StageLauncher.java

/**
 * Stage 7 (idle consumers park until new work wakes them, and still steal) on your code.
 * {@code ./jbang step07 [--fast]} runs it; {@code --fast} shortens the chapter's sleeps.
 */
class Step07 {
    public static void main(String[] args) throws Exception {
        StageLauncher.launch(asyncqueues.step07.Main::main, args);
    }
}
