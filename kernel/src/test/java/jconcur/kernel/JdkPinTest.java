package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK that users get is the JDK that CI tests: dev/jdk-version names the tested feature release (CI's
 * dev/java-home.sh prefers it), and the Dockerfile's base image and binder/environment.yml's openjdk must pin
 * that same release. JDKs differ where this project lives (virtual threads stopped pinning their carrier in
 * synchronized in JDK 24), so a course must not run on a release CI never saw.
 */
class JdkPinTest {

    private static final Path ROOT = KernelTestSuite.repoRoot();
    private static final Pattern FROM = Pattern.compile("FROM\\s+(?:--platform=\\S+\\s+)?(\\S+?)(?::(\\S+))?(?:\\s+AS\\s+\\S+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPILER_RELEASE = Pattern.compile("<maven\\.compiler\\.release>(\\d+)</maven\\.compiler\\.release>");

    @Test
    void testedReleaseIsOneTheBuildSupports() throws IOException {
        int tested = testedRelease();
        Matcher release = COMPILER_RELEASE.matcher(read("pom.xml"));
        assertTrue(release.find(), "pom.xml sets no maven.compiler.release");
        int minimum = Integer.parseInt(release.group(1));
        assertTrue(tested >= minimum, "dev/jdk-version names JDK " + tested + ", older than the release the build targets ("
                + minimum + ", pom.xml)");
    }

    @Test
    void dockerImageShipsTheTestedRelease() throws IOException {
        int tested = testedRelease();
        String image = shippedImage(read("Dockerfile"));
        assertEquals(tested, featureOfImage(image), "the Dockerfile ships " + image + ", but CI tests JDK " + tested
                + " (dev/jdk-version): change the FROM line or dev/jdk-version so that they agree");
    }

    @Test
    void binderPinsTheTestedRelease() throws IOException {
        int tested = testedRelease();
        Map<String, String> deps = BinderFilesTest.CondaEnvironment.specs(
                BinderFilesTest.CondaEnvironment.parse(read("binder/environment.yml")).get("dependencies"));
        assertTrue(deps.containsKey("openjdk"), "binder/environment.yml installs no openjdk");
        String spec = deps.get("openjdk");
        assertTrue(pinsFeatureRelease(spec, tested), "binder/environment.yml takes openjdk" + spec + ", but CI tests JDK "
                + tested + " (dev/jdk-version): pin it as openjdk>=" + tested + ",<" + (tested + 1) + " or openjdk=" + tested);
    }

    @Test
    void readmeNamesTheTestedRelease() throws IOException {
        int tested = testedRelease();
        assertTrue(read("README.md").contains("CI builds and tests everything on JDK " + tested),
                "README.md must say \"CI builds and tests everything on JDK " + tested + "\" (dev/jdk-version)");
    }

    @Test
    void onlyConstraintsWithinTheFeatureReleaseCountAsPins() {
        for (String pin : List.of("=25", "==25", "=25.*", "=25.0.3", ">=25,<26", ">=25.0.1,<26.0")) {
            assertTrue(pinsFeatureRelease(pin, 25), pin);
        }
        for (String loose : List.of("", ">=25", ">=21", ">=21,<26", "=21", "=2", "=250", ">=25,<27", "<26")) {
            assertFalse(pinsFeatureRelease(loose, 25), loose);
        }
    }

    @Test
    void featureReleaseOfImageTagsIsTheirLeadingNumber() {
        assertEquals(25, featureOfImage("eclipse-temurin:25.0.3_9-jdk-noble"));
        assertEquals(21, featureOfImage("eclipse-temurin:21-jdk"));
        assertEquals("eclipse-temurin:25-jdk",
                shippedImage("FROM maven:3 AS build\nRUN x\nFROM eclipse-temurin:25-jdk AS final\n"));
        assertThrows(AssertionError.class, () -> featureOfImage("eclipse-temurin"), "no tag: unpinned");
        assertThrows(AssertionError.class, () -> featureOfImage("eclipse-temurin:${JDK}-jdk"), "a build argument");
        assertThrows(AssertionError.class, () -> featureOfImage("python:3.12-slim"), "not a JDK image");
    }

    @Test
    void javaHomeScriptPrefersTheTestedReleaseAndNamesAnyOther(@TempDir Path dir) throws Exception {
        int tested = testedRelease();
        Assumptions.assumeTrue(jdksUnderUsrLibJvm().stream().anyMatch(home -> featureOfJdk(home) == tested),
                "no JDK " + tested + " under /usr/lib/jvm to prefer");
        Script chosen = javaHome(ROOT.resolve("dev"));
        assertEquals(0, chosen.exit(), chosen.stderr());
        assertEquals(tested, featureOfJdk(Path.of(chosen.stdout())), "dev/java-home.sh chose " + chosen.stdout());
        assertFalse(chosen.stderr().contains("note:"), chosen.stderr());

        Path copy = Files.createDirectories(dir.resolve("dev"));
        Files.copy(ROOT.resolve("dev/java-home.sh"), copy.resolve("java-home.sh"));
        Files.writeString(copy.resolve("jdk-version"), "# a release no machine has\n99\n");
        Script other = javaHome(copy);
        assertEquals(0, other.exit(), "any JDK 21+ is still accepted: " + other.stderr());
        assertTrue(other.stderr().contains("CI tests JDK 99"), "says the JDK is not the tested one: " + other.stderr());

        Files.writeString(copy.resolve("jdk-version"), "twenty-five\n");
        Script broken = javaHome(copy);
        assertTrue(broken.exit() != 0 && broken.stderr().contains("must name the tested JDK feature release"),
                broken.stderr());
    }

    /** The first line of dev/jdk-version that is not a comment: the feature release, e.g. 25. */
    static int testedRelease() throws IOException {
        List<String> lines = read("dev/jdk-version").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertFalse(lines.isEmpty(), "dev/jdk-version names no JDK feature release");
        assertTrue(lines.get(0).matches("\\d+"), "dev/jdk-version must name a feature release like 25, not " + lines.get(0));
        return Integer.parseInt(lines.get(0));
    }

    /** The image of the Dockerfile's last stage: the one users run. */
    static String shippedImage(String dockerfile) {
        List<String> froms = dockerfile.lines().map(String::strip).filter(l -> l.regionMatches(true, 0, "FROM ", 0, 5))
                .toList();
        assertFalse(froms.isEmpty(), "the Dockerfile has no FROM line");
        Matcher from = FROM.matcher(froms.get(froms.size() - 1));
        assertTrue(from.matches(), "cannot read the FROM line: " + froms.get(froms.size() - 1));
        return from.group(2) == null ? from.group(1) : from.group(1) + ":" + from.group(2);
    }

    /** The JDK feature release a JDK base image ships, from its tag (eclipse-temurin:25.0.3_9-jdk-noble: 25). */
    static int featureOfImage(String image) {
        int colon = image.lastIndexOf(':');
        String name = colon < 0 ? image : image.substring(0, colon);
        assertTrue(name.contains("temurin") || name.contains("openjdk") || name.contains("jdk"),
                "the Dockerfile's JDK comes from " + image + ", which is not a JDK image this test can read"
                        + " (eclipse-temurin:25..., openjdk:25...)");
        assertTrue(colon >= 0, image + " has no tag: the JDK it ships changes with every pull");
        Matcher feature = Pattern.compile("(\\d+)(?:[._-].*)?").matcher(image.substring(colon + 1));
        assertTrue(feature.matches(), image + ": the tag must start with the JDK release, e.g. 25.0.3_9-jdk-noble");
        return Integer.parseInt(feature.group(1));
    }

    /**
     * Whether a conda version spec admits only releases of one feature release: {@code =25}, {@code =25.*},
     * {@code =25.0.3} or {@code >=25[.x],<26}.
     */
    static boolean pinsFeatureRelease(String spec, int feature) {
        String f = Integer.toString(feature);
        return spec.matches("==?" + f + "(\\.\\d+)*(\\.\\*)?")
                || spec.matches(">=" + f + "(\\.\\d+)*,<" + (feature + 1) + "(\\.0)*");
    }

    private record Script(int exit, String stdout, String stderr) {}

    /** Sources devDir/java-home.sh in bash without JAVA_HOME and prints the JAVA_HOME it chose. */
    private static Script javaHome(Path devDir) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", ". \"$1/java-home.sh\" && printf %s \"$JAVA_HOME\"",
                "bash", devDir.toString());
        builder.environment().remove("JAVA_HOME");
        Path err = Files.createTempFile("java-home", ".err");
        try {
            Process process = builder.redirectError(err.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "dev/java-home.sh did not finish");
            return new Script(process.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static List<Path> jdksUnderUsrLibJvm() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> !Files.isSymbolicLink(h) && Files.isExecutable(h.resolve("bin/javac"))).toList();
        }
    }

    /** The feature release in a JDK's release file (JAVA_VERSION="25.0.3": 25), or -1 when it has none. */
    private static int featureOfJdk(Path home) {
        try {
            Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(home.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String read(String relative) throws IOException {
        Path file = ROOT.resolve(relative);
        assertTrue(Files.isRegularFile(file), relative + " is missing (looked in " + ROOT + ")");
        return Files.readString(file);
    }
}
