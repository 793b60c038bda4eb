package com.companion.deploy.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's test command on a machine whose default {@code java} is older than the build needs:
 * the situation of a newcomer with JDK 17 on the PATH and a newer JDK installed beside it. Each
 * case puts a fake JDK 17 first on the PATH, unsets JAVA_HOME and points the search
 * ({@code JDK_SEARCH_DIRS}) at a temporary directory, so it behaves the same on every machine and
 * needs no network: {@code ./mvnw -v} starts Maven (from the wrapper's installed distribution) and
 * nothing more.
 */
class JdkSelectionTest {

    static final int NEEDED = 21;

    /** Answers like a JDK 17 launcher: knows -version, refuses the options later JDKs added. */
    static final String OLD_JAVA = """
            #!/bin/sh
            for a in "$@"; do
              case "$a" in
                -version) echo 'openjdk version "17.0.2" 2022-01-18' >&2; exit 0 ;;
                --sun-misc-unsafe-memory-access=*)
                  echo "Unrecognized option: $a" >&2
                  echo 'Error: Could not create the Java Virtual Machine.' >&2
                  exit 1 ;;
              esac
            done
            echo "fake JDK 17: not a real JVM ($*)" >&2
            exit 1
            """;

    @TempDir
    Path tmp;

    Path oldJdk;
    Path jdks;

    @BeforeEach
    void anOldJdkFirstOnThePath() throws IOException {
        oldJdk = fakeOldJdk(tmp.resolve("old-jdk-17"));
        jdks = Files.createDirectories(tmp.resolve("jdks"));
        // A second old one where the search looks: it must be listed, not picked.
        fakeOldJdk(jdks.resolve("jdk-17-too"));
    }

    /** Removes the link to the real JDK first, so that the temporary directory's clean-up never sees it. */
    @AfterEach
    void unlinkTheRealJdk() throws IOException {
        Files.deleteIfExists(jdks.resolve("good-jdk"));
    }

    @Test
    void mvnwPicksAJdk21OrNewerWhenJavaOnThePathIsOlder() throws Exception {
        Path good = Files.createSymbolicLink(jdks.resolve("good-jdk"), Path.of(System.getProperty("java.home")));
        int feature = Runtime.version().feature();

        Result result = run(Map.of(), "./mvnw", "-v");

        assertThat(result.output())
                .as("./mvnw -v with JDK 17 first on the PATH and no JAVA_HOME")
                .contains("Using JDK " + feature + " at " + good)
                .contains("JAVA_HOME is not set; java on the PATH is 17")
                .contains("Apache Maven 3.")
                .contains("Java version: " + feature)
                .doesNotContain("Unrecognized option");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void mvnwSaysWhatToDoWhenThereIsNoJdk21OrNewer() throws Exception {
        Result result = run(Map.of(), "./mvnw", "-v");

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output())
                .as("./mvnw -v with only JDK 17s around")
                .contains("needs a JDK >= " + NEEDED)
                .contains("JAVA_HOME: not set")
                .contains("java on the PATH (" + oldJdk.resolve("bin/java") + " -> " + oldJdk + "): JDK 17")
                .contains(jdks.resolve("jdk-17-too") + ": JDK 17")
                .contains("looked in:  JAVA_HOME, java on the PATH, " + jdks + "/*")
                .contains("export JAVA_HOME=")
                .doesNotContain("Unrecognized option")
                .doesNotContain("Apache Maven");
    }

    @Test
    void aJavaHomeThatIsTooOldIsPassedOverWithANote() throws Exception {
        Path good = Files.createSymbolicLink(jdks.resolve("good-jdk"), Path.of(System.getProperty("java.home")));

        Result result = run(Map.of("JAVA_HOME", oldJdk.toString()), "bin/find-jdk");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).isEqualTo(good + "\n");
        assertThat(result.stderr())
                .contains("Using JDK " + Runtime.version().feature() + " at " + good)
                .contains("JAVA_HOME=" + oldJdk + " is JDK 17");
    }

    @Test
    void aJavaHomeThatIsGoodEnoughIsUsedAsItIsAndSilently() throws Exception {
        String home = System.getProperty("java.home");

        Result result = run(Map.of("JAVA_HOME", home), "bin/find-jdk");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).isEqualTo(home + "\n");
        assertThat(result.stderr()).isEmpty();
    }

    /**
     * Maven's launcher passes .mvn/jvm.config to whichever java it finds, before any check can say
     * what is wrong: an option an older JVM does not know kills it with "Unrecognized option". Only
     * system properties and standard -X sizes are accepted by every JDK.
     */
    @Test
    void jvmConfigHoldsOnlyOptionsEveryJdkAccepts() {
        Path jvmConfig = Repo.path(".mvn", "jvm.config");
        if (!Files.exists(jvmConfig)) {
            return;
        }
        List<String> options = Arrays.stream(Repo.read(jvmConfig).split("\\s+"))
                .filter(option -> !option.isBlank())
                .toList();
        assertThat(options)
                .as(".mvn/jvm.config")
                .allSatisfy(option -> assertThat(option).matches("-D\\S+|-Xm[sx]\\S+|-Xss\\S+"));
    }

    /** CI runs exactly what the README tells a newcomer, and nothing searches for a JDK on its own. */
    @Test
    void ciRunsTheReadmesCommandTwoAndEveryEntryPointUsesOneJdkSearch() {
        String readme = Repo.read(Repo.path("README.md"));
        String commands = readme.substring(readme.indexOf("## The two commands"));
        int start = commands.indexOf("```bash") + "```bash".length();
        List<String> lines = commands.substring(start, commands.indexOf("```", start))
                .strip()
                .lines()
                .toList();
        assertThat(lines).as("the README's two commands").hasSize(2);
        String commandTwo = lines.get(1).replaceFirst("\\s*#.*", "").strip();
        assertThat(commandTwo).isEqualTo("./mvnw verify");

        List<String> ci = Repo.read(Repo.path(".ci", "run"))
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(ci).as(".ci/run").contains(commandTwo).last().isEqualTo(commandTwo);
        assertThat(String.join("\n", ci)).as(".ci/run").doesNotContain("/usr/lib/jvm", "JAVA_HOME");

        assertThat(Repo.read(Repo.path("mvnw"))).contains("\"$scriptDir/bin/find-jdk\"");
        assertThat(Repo.read(Repo.path("deploy", "local", "run")))
                .contains("bin/find-jdk")
                .doesNotContain("/usr/lib/jvm/", "JavaVirtualMachines");
    }

    // ------------------------------------------------------------------------------------------

    record Result(int exitCode, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }
    }

    /**
     * Runs a command from the repository root with the fake JDK 17 first on the PATH, JAVA_HOME
     * unset unless given, and the JDK search limited to this test's directory.
     */
    Result run(Map<String, String> env, String... command) throws Exception {
        Path stdout = Files.createTempFile(tmp, "stdout", ".txt");
        Path stderr = Files.createTempFile(tmp, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Repo.root().toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> environment = builder.environment();
        environment.remove("JAVA_HOME");
        environment.remove("MAVEN_ARGS");
        environment.remove("MAVEN_OPTS");
        environment.put("PATH", oldJdk.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", ""));
        environment.put("JDK_SEARCH_DIRS", jdks + "/*");
        environment.putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    static Path fakeOldJdk(Path home) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
        for (String tool : List.of("java", "javac")) {
            Path file = bin.resolve(tool);
            Files.writeString(file, OLD_JAVA);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }
}
