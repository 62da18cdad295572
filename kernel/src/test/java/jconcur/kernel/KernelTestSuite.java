package jconcur.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs src/test/python/test_kernel_conformance.py (a jupyter_kernel_test.KernelTests subclass) with Debian's
 * /usr/bin/python3 against an installed kernelspec, and reads unittest's summary.
 */
final class KernelTestSuite {

    private static final Pattern RAN = Pattern.compile("^Ran (\\d+) tests? in ", Pattern.MULTILINE);
    private static final Pattern VERDICT = Pattern.compile("^(OK|FAILED)(?: \\((.*)\\))?\\s*$", Pattern.MULTILINE);

    /** unittest's summary, plus everything it printed (for failure messages). */
    record Result(int ran, boolean ok, int failures, int errors, int skipped, String output) {}

    private KernelTestSuite() {}

    static Path repoRoot() {
        String root = System.getProperty("jconcur.repoRoot");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    }

    /**
     * @param jupyterPath a directory with kernels/NAME/kernel.json
     * @param scratch     data and runtime dirs go here, so no user state is read or written
     */
    static Result run(Path jupyterPath, Path scratch, String kernelName) throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        Path tests = repoRoot().resolve("kernel/src/test/python");
        ProcessBuilder builder = new ProcessBuilder(python.toString(), "-m", "unittest", "-v", "test_kernel_conformance")
                .directory(tests.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JUPYTER_PATH", jupyterPath.toString());
        env.put("JUPYTER_DATA_DIR", Files.createDirectories(scratch.resolve("data")).toString());
        env.put("JUPYTER_RUNTIME_DIR", Files.createDirectories(scratch.resolve("runtime")).toString());
        env.put("JCONCUR_KERNEL_NAME", kernelName);
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("jupyter_kernel_test did not finish in 5 minutes:\n" + output);
        }
        return parse(output);
    }

    static Result parse(String output) {
        Matcher ran = RAN.matcher(output);
        Matcher verdict = VERDICT.matcher(output);
        if (!ran.find() || !verdict.find(ran.end())) {
            throw new AssertionError("no unittest summary in the output of jupyter_kernel_test:\n" + output);
        }
        String details = verdict.group(2) == null ? "" : verdict.group(2);
        return new Result(Integer.parseInt(ran.group(1)), verdict.group(1).equals("OK"), count(details, "failures"),
                count(details, "errors"), count(details, "skipped"), output);
    }

    private static int count(String details, String name) {
        Matcher m = Pattern.compile(name + "=(\\d+)").matcher(details);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
