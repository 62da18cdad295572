package jconcur.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Where Jupyter keeps its files, found the way jupyter_core finds them. */
public final class JupyterPaths {

    private final Map<String, String> env;

    public JupyterPaths(Map<String, String> env) {
        this.env = env;
    }

    public static JupyterPaths fromEnvironment() {
        return new JupyterPaths(System.getenv());
    }

    /** The user's Jupyter data dir: $JUPYTER_DATA_DIR, else the platform default (XDG on Linux). */
    public Path dataDir() {
        String explicit = env.get("JUPYTER_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Jupyter");
        }
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "jupyter") : home.resolve("AppData").resolve("Roaming").resolve("jupyter");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("jupyter");
    }

    /**
     * sys.prefix of the Python environment that has Jupyter: $JCONCUR_SYS_PREFIX if set, else the first of
     * python3 on the PATH and /usr/bin/python3 that can import jupyter_client.
     */
    public Path sysPrefix() {
        String explicit = env.get("JCONCUR_SYS_PREFIX");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        List<String> tried = new ArrayList<>();
        for (String python : List.of("python3", "/usr/bin/python3", "python")) {
            try {
                Process process = new ProcessBuilder(python, "-c", "import sys, jupyter_client; print(sys.prefix)")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    tried.add(python + " (timed out)");
                } else if (process.exitValue() == 0 && !out.isEmpty()) {
                    return Path.of(out);
                } else {
                    tried.add(python + " (cannot import jupyter_client)");
                }
            } catch (IOException e) {
                tried.add(python + " (not found)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new InstallException("--sys-prefix: no Python with Jupyter found; tried " + String.join(", ", tried)
                + ". Set JCONCUR_SYS_PREFIX to the environment's prefix, or use --user or --prefix.");
    }
}
