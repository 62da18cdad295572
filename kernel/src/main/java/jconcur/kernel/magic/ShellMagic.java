package jconcur.kernel.magic;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import jconcur.kernel.engine.EngineOutput;
import jconcur.kernel.engine.ExecuteOutcome;

/**
 * %%bash and %%sh: runs the cell with the shell in the kernel's working directory, streaming its stdout
 * and stderr to the notebook as they come. A non-zero exit status makes the cell fail; an interrupt kills
 * the shell and its children.
 */
final class ShellMagic implements Magic {

    private final String shell;

    ShellMagic(String shell) {
        this.shell = shell;
    }

    @Override
    public String name() {
        return shell;
    }

    @Override
    public boolean isLine() {
        return false;
    }

    @Override
    public boolean isCell() {
        return true;
    }

    @Override
    public String usage() {
        return "%%" + shell;
    }

    @Override
    public String help() {
        return "Runs the cell as a " + shell + " script in the notebook's folder, showing its output as it "
                + "comes; a non-zero exit status is an error. Needs " + shell + " on the PATH.";
    }

    @Override
    public ExecuteOutcome cell(String args, String body, MagicContext context)
            throws MagicUsageException, MagicFailedException {
        if (!args.isBlank()) {
            throw new MagicUsageException("%%" + shell + " takes no arguments");
        }
        Path executable = onPath(shell).orElseThrow(() ->
                new MagicFailedException("FileNotFoundError", shell + " was not found on the PATH of the kernel"));
        Path script = null;
        try {
            script = Files.createTempFile("jconcur-" + shell, ".sh");
            Files.writeString(script, body);
            Process process = new ProcessBuilder(executable.toString(), script.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            context.setRunningProcess(process);
            Thread out = pump(process.getInputStream(), EngineOutput.Stream.STDOUT, context);
            Thread err = pump(process.getErrorStream(), EngineOutput.Stream.STDERR, context);
            int status = process.waitFor();
            out.join();
            err.join();
            if (context.wasKilled(process)) {
                throw MagicContext.interrupted();
            }
            if (status != 0) {
                throw new MagicFailedException("CalledProcessError",
                        shell + " script returned non-zero exit status " + status + ".");
            }
            return new ExecuteOutcome.Ok(Optional.empty());
        } catch (IOException e) {
            throw new MagicFailedException("OSError", "cannot run " + shell + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MagicContext.interrupted();
        } finally {
            context.setRunningProcess(null);
            if (script != null) {
                script.toFile().delete();
            }
        }
    }

    /** Copies a stream to the notebook in chunks as they arrive (not line by line, not at the end). */
    private static Thread pump(InputStream in, EngineOutput.Stream stream, MagicContext context) {
        Thread t = new Thread(() -> {
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                char[] buffer = new char[8192];
                int n;
                while ((n = reader.read(buffer)) > 0) {
                    context.output().stream(stream, new String(buffer, 0, n));
                }
            } catch (IOException ignored) {
                // the process was killed; what it wrote so far is shown
            }
        }, "jconcur-" + stream.name().toLowerCase() + "-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
