package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment files that no build compiles: Binder's environment and hooks, the Dockerfile, the README
 * badge. They must be well formed, meet the version minimums, and install the kernel through the same
 * script CI uses (dev/setup.sh), so that what CI tests is what Binder and Docker users get.
 */
class BinderFilesTest {

    private static final Path ROOT = findRepoRoot();

    @Test
    void environmentPinsConformingVersions() throws IOException {
        Map<String, List<String>> env = CondaEnvironment.parse(read("binder/environment.yml"));

        assertEquals(List.of("conda-forge"), env.get("channels"), "only conda-forge, so versions are reproducible");
        Map<String, String> deps = CondaEnvironment.specs(env.get("dependencies"));

        assertExactMinorPin(deps, "python");
        assertAtLeast(deps, "openjdk", ">=", "21");
        assertAtLeast(deps, "maven", ">=", "3.9.9");
        assertTrue(deps.containsKey("pip"), "pip installs requirements.txt in postBuild");
        for (String pinnedInRequirements : List.of("jupyterlab", "notebook", "nbgrader", "jupyterhub")) {
            assertFalse(deps.containsKey(pinnedInRequirements),
                    pinnedInRequirements + " comes from requirements.txt (the tested pins), not from conda");
        }
        assertFalse(deps.containsKey("nodejs"), "nodejs is not needed on Binder");
        assertTrue(deps.containsKey("fontconfig"), "charts need fontconfig to render text headless");
    }

    @Test
    void requirementsPinEveryPackageExactly() throws IOException {
        Map<String, String> pins = requirements();
        assertTrue(pins.getOrDefault("jupyterlab", "").matches("4\\.6\\.\\d+"), "JupyterLab 4.6.x: " + pins.get("jupyterlab"));
        assertTrue(pins.getOrDefault("notebook", "").matches("7\\.6\\.\\d+"), "Notebook 7.6.x: " + pins.get("notebook"));
        assertTrue(pins.getOrDefault("nbgrader", "").matches("0\\.9\\.\\d+"), "nbgrader 0.9.x: " + pins.get("nbgrader"));
        for (String used : List.of("jupyter-client", "nbclient", "nbconvert", "jupyter-kernel-test", "jupyterhub")) {
            assertTrue(pins.containsKey(used), "requirements.txt must pin " + used + ", which the tests use");
        }
    }

    @Test
    void testedEnvironmentHoldsExactlyThePinnedVersions() throws Exception {
        Process freeze = new ProcessBuilder(JupyterEnvironment.python().toString(), "-m", "pip", "freeze",
                "--disable-pip-version-check").redirectErrorStream(true).start();
        String output = new String(freeze.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(freeze.waitFor(2, TimeUnit.MINUTES), "pip freeze did not finish");
        assertEquals(0, freeze.exitValue(), output);
        assertEquals(requirements(), pins(output.lines().toList()),
                "the environment the tests ran in differs from requirements.txt: run dev/setup.sh --test");
    }

    @Test
    void postBuildInstallsThroughSetupScriptAndDropsMavenCache() throws IOException {
        String postBuild = read("binder/postBuild");
        assertBashScript("binder/postBuild", postBuild);
        List<String> commands = commandLines(postBuild);
        int pip = commands.indexOf("python -m pip install --no-cache-dir -r requirements.txt");
        assertTrue(pip >= 0, "postBuild must install the tested pins: python -m pip install --no-cache-dir -r requirements.txt");
        assertTrue(pip < commands.indexOf("dev/setup.sh --no-apt --sys-prefix"), "Jupyter first, then the kernelspec into it");
        assertTrue(commandLines(postBuild).stream()
                        .anyMatch(l -> l.matches("dev/setup\\.sh\\b.*--sys-prefix.*") && l.contains("--no-apt")),
                "postBuild must run dev/setup.sh --no-apt --sys-prefix:\n" + postBuild);
        assertTrue(commandLines(postBuild).stream()
                        .anyMatch(l -> l.startsWith("rm -rf") && l.contains(".m2/repository")),
                "postBuild must drop the Maven cache ~/.m2/repository");
    }

    @Test
    void postBuildCapsBothJvmsWithinBindersMemory(@TempDir Path tmp) throws Exception {
        assertTrue(commandLines(read("binder/postBuild")).contains("python binder/cap_heaps.py"),
                "postBuild must cap the heaps with binder/cap_heaps.py after installing");
        // A kernelspec as the installer writes it, with options the caps must keep and a heap they must replace.
        Path kernelDir = Files.createDirectories(tmp.resolve("jupyter/kernels/jconcur"));
        Files.writeString(kernelDir.resolve("kernel.json"), """
                {"argv": ["java", "-XX:+UseSerialGC", "-Xmx4g", "-jar", "jconcur-kernel.jar", "kernel", "{connection_file}"],
                 "display_name": "Java (jconcur)", "language": "java", "interrupt_mode": "message",
                 "env": {"JCONCUR_USER_VM_OPTS": "-ea"}}
                """);
        ProcessBuilder run = new ProcessBuilder(JupyterEnvironment.python().toString(), ROOT.resolve("binder/cap_heaps.py").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile()).directory(tmp.toFile());
        run.environment().put("JUPYTER_PATH", tmp.resolve("jupyter").toString());
        run.environment().put("JUPYTER_DATA_DIR", tmp.resolve("data").toString());
        Process process = run.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cap_heaps.py did not finish");
        assertEquals(0, process.exitValue(), Files.readString(tmp.resolve("out.txt")));

        JsonNode spec = new ObjectMapper().readTree(kernelDir.resolve("kernel.json").toFile());
        JsonNode env = spec.path("env");
        List<String> argv = new ObjectMapper().convertValue(spec.path("argv"), new TypeReference<List<String>>() {});
        assertEquals(List.of("java", "-jar", "jconcur-kernel.jar", "kernel", "{connection_file}"),
                argv.stream().filter(arg -> !arg.startsWith("-X")).toList(), "only the JVM options change: " + argv);
        assertFalse(env.has("JDK_JAVA_OPTIONS"), "no options in the environment, where every java would see them");
        String kernelOpts = String.join(" ", argv.subList(1, argv.indexOf("-jar")));
        String userVmOpts = env.path("JCONCUR_USER_VM_OPTS").asText();
        assertTrue(kernelOpts.contains("-XX:+UseSerialGC"), "other kernel JVM options are kept: " + kernelOpts);
        assertTrue(userVmOpts.contains("-ea"), "the user VM keeps assertions enabled: " + userVmOpts);
        assertEquals(1, kernelOpts.split("-Xmx", -1).length - 1, "one -Xmx for the kernel JVM: " + kernelOpts);
        long kernelHeap = maxHeapBytes(kernelOpts);
        long userVmHeap = maxHeapBytes(userVmOpts);
        assertTrue(kernelHeap <= 512L << 20, "kernel JVM heap must stay small, was " + kernelOpts);
        assertTrue(userVmHeap >= 512L << 20, "the user VM needs room for the notebooks, was " + userVmOpts);
        // 2 GB in all: both heaps, two JVMs' metaspace and code cache, and the Jupyter server.
        assertTrue(kernelHeap + userVmHeap <= 1536L << 20, "heaps too large for Binder's 2 GB");
    }

    @Test
    void setupScriptOffersTheFlagsBinderAndDockerUse() throws Exception {
        Path setup = ROOT.resolve("dev/setup.sh");
        assertTrue(Files.isExecutable(setup), "dev/setup.sh must be executable");
        Process help = new ProcessBuilder("bash", setup.toString(), "--help").redirectErrorStream(true).start();
        String usage = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(help.waitFor(30, TimeUnit.SECONDS), "dev/setup.sh --help did not finish");
        assertEquals(0, help.exitValue(), usage);
        for (String flag : List.of("--user", "--sys-prefix", "--prefix", "--no-apt", "--no-build", "--test")) {
            assertTrue(usage.contains(flag), "dev/setup.sh --help does not document " + flag);
        }
    }

    @Test
    void dockerfileUsesThePinnedBaseUid1000AndTheSetupScript() throws IOException {
        String dockerfile = read("Dockerfile");
        List<String> instructions = dockerInstructions(dockerfile);

        String from = instructions.stream().filter(i -> i.startsWith("FROM ")).findFirst().orElseThrow();
        Matcher tag = Pattern.compile("FROM (\\S+):(\\S+)").matcher(from);
        assertTrue(tag.matches(), "base image needs an explicit tag: " + from);
        assertTrue(tag.group(2).matches(".*\\d+\\.\\d+.*") && !tag.group(2).contains("latest"),
                "base image tag must pin a version: " + from);

        Map<String, String> args = dockerArgs(instructions);
        assertEquals("1000", args.get("NB_UID"), "the notebook user has uid 1000 (JupyterHub convention)");
        assertTrue(instructions.stream().anyMatch(i -> i.startsWith("RUN ") && i.contains("useradd")
                && i.contains("--uid \"${NB_UID}\"") && i.contains("/home/")), "creates the user with HOME under /home");
        assertTrue(instructions.contains("USER ${NB_UID}"), "runs as the uid 1000 user");
        assertTrue(instructions.stream().anyMatch(i -> i.startsWith("COPY --chown=${NB_UID}:${NB_UID} notebooks /home/")),
                "notebooks copied and owned by the user");
        assertTrue(instructions.contains("COPY requirements.txt /opt/jconcur/requirements.txt")
                && instructions.stream().anyMatch(i -> i.startsWith("RUN ") && i.contains("pip install --no-cache-dir -r /opt/jconcur/requirements.txt")),
                "Jupyter comes from requirements.txt, the pins CI tests");
        assertFalse(instructions.stream().anyMatch(i -> i.matches("(?s).*(jupyterlab|notebook|nbgrader)==.*")),
                "no Jupyter pin of the Dockerfile's own: they drift from the tested ones");
        assertTrue(instructions.stream().anyMatch(i -> i.startsWith("RUN ") && i.contains("jupyterhub-singleuser --version")),
                "the image is a JupyterHub single-user image: Zero to JupyterHub starts jupyterhub-singleuser");
        assertTrue(instructions.contains("COPY . /opt/jconcur") && read("README.md").contains("cp -rn /opt/jconcur/notebooks"),
                "the README's Zero to JupyterHub hook copies the notebooks from where the image keeps them");
        assertTrue(instructions.stream().anyMatch(i -> i.startsWith("RUN ") && i.contains("dev/setup.sh --no-apt --sys-prefix")),
                "the kernel is built and installed by dev/setup.sh");
        assertTrue(instructions.stream().anyMatch(i -> i.startsWith("RUN ") && i.contains("fonts-dejavu-core")),
                "fonts installed so charts render text");
        assertEquals("CMD [\"jupyter\", \"lab\", \"--ip=0.0.0.0\", \"--port=8888\", \"--no-browser\"]",
                instructions.get(instructions.size() - 1));
    }

    @Test
    void dockerignoreKeepsBuildOutputOutOfTheContext() throws IOException {
        List<String> patterns = read(".dockerignore").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertTrue(patterns.containsAll(List.of(".git", "**/target", "e2e/node_modules")), patterns.toString());
    }

    @Test
    void readmeBadgeOpensTheIndexNotebookOnBinder() throws IOException {
        String readme = read("README.md");
        Matcher badge = Pattern.compile(
                        "\\[!\\[Binder]\\(https://mybinder\\.org/badge_logo\\.svg\\)]"
                                + "\\((https://mybinder\\.org/v2/gh/[\\w.-]+/[\\w.-]+/HEAD\\?labpath=([^)]+))\\)")
                .matcher(readme);
        assertTrue(badge.find(), "README needs a Binder badge linking to mybinder.org/v2/gh/OWNER/REPO/HEAD?labpath=...");
        String target = badge.group(2).replace("%2F", "/");
        assertEquals("notebooks/00-index.ipynb", target);
        // The index comes with the chapter notebooks: once one chapter exists, the badge must open it.
        if (!chapterNotebooks().isEmpty()) {
            assertTrue(Files.isRegularFile(ROOT.resolve(target)), "the Binder badge opens " + target
                    + ", which is missing although chapter notebooks exist: " + chapterNotebooks());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /** requirements.txt as package -> version, names normalised as pip does (lower case, '-' for '_'). */
    private static Map<String, String> requirements() throws IOException {
        return pins(read("requirements.txt").lines().toList());
    }

    private static Map<String, String> pins(List<String> lines) {
        Map<String, String> pins = new TreeMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher pin = Pattern.compile("([A-Za-z0-9._-]+)==([A-Za-z0-9.+!-]+)").matcher(line);
            assertTrue(pin.matches(), "not an exact pin `name==version`: " + line);
            pins.put(pin.group(1).toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-'), pin.group(2));
        }
        return pins;
    }

    private static Path findRepoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("kernel"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root (with mvnw and kernel/) not found above " + Path.of("").toAbsolutePath());
    }

    /** notebooks/NN-*.ipynb: the book's chapters. */
    private static List<String> chapterNotebooks() throws IOException {
        Path dir = ROOT.resolve("notebooks");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\d\\d-.*\\.ipynb")).sorted().toList();
        }
    }

    private static String read(String relative) throws IOException {
        Path file = ROOT.resolve(relative);
        assertTrue(Files.isRegularFile(file), relative + " is missing");
        return Files.readString(file);
    }

    private static void assertBashScript(String name, String text) {
        Path file = ROOT.resolve(name);
        assertTrue(Files.isExecutable(file), name + " must be executable");
        assertTrue(text.startsWith("#!/usr/bin/env bash\n") || text.startsWith("#!/bin/bash\n"), name + " needs a bash shebang");
        assertTrue(commandLines(text).contains("set -euo pipefail"), name + " must stop on the first error: set -euo pipefail");
        int setLine = commandLines(text).indexOf("set -euo pipefail");
        assertEquals(0, setLine, name + ": set -euo pipefail must come before any command");
    }

    /** The script's lines without comments and blank lines, trimmed. */
    private static List<String> commandLines(String script) {
        return script.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Debian's Python with jupyter_client (what CI has): outside CI its absence skips, in CI it fails. */
    private static long maxHeapBytes(String options) {
        Matcher m = Pattern.compile("(?:^|\\s)-Xmx(\\d+)([kKmMgG]?)(?:\\s|$)").matcher(options);
        if (!m.find()) {
            fail("no -Xmx in: " + options);
        }
        long value = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase()) {
            case "k" -> value << 10;
            case "m" -> value << 20;
            case "g" -> value << 30;
            default -> value;
        };
    }

    /** Dockerfile instructions with continuation lines joined and comments dropped. */
    private static List<String> dockerInstructions(String dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : dockerfile.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1).strip() : line).append(continues ? " " : "");
            if (!continues) {
                instructions.add(current.toString().replaceAll("\\s+", " ").strip());
                current.setLength(0);
            }
        }
        assertTrue(current.isEmpty(), "Dockerfile ends inside a continued line");
        return instructions;
    }

    private static Map<String, String> dockerArgs(List<String> instructions) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String instruction : instructions) {
            Matcher m = Pattern.compile("ARG (\\w+)=(\\S+)").matcher(instruction);
            if (m.matches()) {
                args.put(m.group(1), m.group(2));
            }
        }
        return args;
    }

    private static void assertExactMinorPin(Map<String, String> deps, String name) {
        String spec = deps.get(name);
        assertTrue(spec != null && spec.matches("=\\d+\\.\\d+(\\.\\d+)?"), name + " must be pinned (e.g. =3.12), was " + spec);
    }

    private static void assertAtLeast(Map<String, String> deps, String name, String operator, String minimum) {
        String spec = deps.get(name);
        assertTrue(spec != null && spec.startsWith(operator), name + " needs " + operator + minimum + ", was " + spec);
        String version = spec.substring(operator.length()).split(",")[0];
        assertTrue(compareVersions(version, minimum) >= 0, name + " minimum " + version + " is below " + minimum);
    }

    static int compareVersions(String a, String b) {
        int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * The subset of YAML a conda environment file uses: top-level {@code key: value} and {@code key:} followed by
     * {@code  - item} lines. Anything else is an error, so a malformed file fails here rather than on Binder.
     */
    static final class CondaEnvironment {
        private static final Pattern KEY = Pattern.compile("([A-Za-z_][\\w-]*):(?:\\s+(\\S.*))?");
        private static final Pattern ITEM = Pattern.compile("  - (\\S.*)");
        private static final Pattern SPEC = Pattern.compile("([a-z0-9][a-z0-9_.-]*)\\s*((?:[=<>!]=?|~=).*)?");

        static Map<String, List<String>> parse(String yaml) {
            Map<String, List<String>> doc = new LinkedHashMap<>();
            List<String> currentList = null;
            int lineNo = 0;
            for (String raw : yaml.lines().toList()) {
                lineNo++;
                String line = stripComment(raw).stripTrailing();
                if (line.isBlank()) {
                    continue;
                }
                assertFalse(line.contains("\t"), "environment.yml line " + lineNo + ": tabs are not allowed in YAML");
                Matcher key = KEY.matcher(line);
                Matcher item = ITEM.matcher(line);
                if (key.matches()) {
                    assertFalse(doc.containsKey(key.group(1)), "environment.yml: duplicate key " + key.group(1));
                    boolean scalar = key.group(2) != null;
                    currentList = scalar ? null : new ArrayList<>();
                    doc.put(key.group(1), scalar ? List.of(key.group(2).strip()) : currentList);
                } else if (item.matches() && currentList != null) {
                    currentList.add(item.group(1).strip());
                } else {
                    fail("environment.yml line " + lineNo + " is not `key: value`, `key:` or `  - item`: " + raw);
                }
            }
            for (String required : List.of("name", "channels", "dependencies")) {
                assertTrue(doc.containsKey(required) && !doc.get(required).isEmpty(), "environment.yml needs " + required);
            }
            return doc;
        }

        /** Package name to version spec ("" when unpinned) of conda dependency strings like {@code maven>=3.9.9}. */
        static Map<String, String> specs(List<String> dependencies) {
            Map<String, String> specs = new LinkedHashMap<>();
            for (String dependency : dependencies) {
                Matcher m = SPEC.matcher(dependency.replace("\"", "").replace("'", ""));
                assertTrue(m.matches(), "not a conda package spec: " + dependency);
                specs.put(m.group(1), Optional.ofNullable(m.group(2)).orElse("").replace(" ", ""));
            }
            return specs;
        }

        private static String stripComment(String line) {
            int hash = line.indexOf('#');
            return hash < 0 || (hash > 0 && !Character.isWhitespace(line.charAt(hash - 1))) ? line : line.substring(0, hash);
        }
    }
}
