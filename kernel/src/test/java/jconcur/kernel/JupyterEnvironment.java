package jconcur.kernel;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pinned Jupyter environment (requirements.txt) that tests drive the kernel with: its Python and its
 * {@code jupyter} command. Maven passes the Python as {@code -Djconcur.python}; dev/test.sh makes the
 * environment first. Missing, it fails the test with what to run, never falls back to another Jupyter.
 */
public final class JupyterEnvironment {

    private JupyterEnvironment() {}

    /** The environment's Python, which has jupyter_client, nbclient, nbconvert, nbgrader and jupyter_kernel_test. */
    public static Path python() {
        String configured = System.getProperty("jconcur.python");
        if (configured == null || configured.isBlank()) {
            throw new AssertionError("system property jconcur.python is not set: run the tests through Maven "
                    + "(dev/test.sh), which points it at the pinned Jupyter environment");
        }
        Path python = Path.of(configured);
        if (!Files.isExecutable(python)) {
            throw new AssertionError("the pinned Jupyter environment is missing (" + python + " is not executable): "
                    + "run dev/setup.sh --test, which installs requirements.txt into .venv");
        }
        return python;
    }

    /** The environment's {@code jupyter} command (nbconvert, lab, notebook, nbgrader, console). */
    public static Path jupyter() {
        return python().resolveSibling("jupyter");
    }

    /** The environment's {@code nbgrader} command. */
    public static Path nbgrader() {
        return python().resolveSibling("nbgrader");
    }
}
