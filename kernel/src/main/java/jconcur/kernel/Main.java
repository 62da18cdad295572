package jconcur.kernel;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jconcur.kernel.engine.Engine;
import jconcur.kernel.engine.EngineOutput;
import jconcur.kernel.engine.JShellEngine;
import jconcur.kernel.magic.MagicEngine;
import jconcur.kernel.install.ArchiveRefresh;
import jconcur.kernel.install.InstallException;
import jconcur.kernel.install.InstallOptions;
import jconcur.kernel.install.JupyterPaths;
import jconcur.kernel.install.KernelspecInstaller;
import jconcur.kernel.install.SelfCheck;
import jconcur.kernel.protocol.HistoryStore;
import jconcur.kernel.protocol.Kernel;
import jconcur.kernel.protocol.KernelInfo;
import jconcur.kernel.wire.Channels;
import jconcur.kernel.wire.ConnectionInfo;
import jconcur.kernel.log.Log;

/** Entry point of the kernel jar: {@code kernel CONNECTION_FILE}, {@code install [...]}. */
public final class Main {

    /** One subcommand: its usage line(s) and what it does; returns the exit status. */
    private record Command(String usage, Body body) {
        @FunctionalInterface
        interface Body {
            int run(List<String> args) throws Exception;
        }
    }

    /** A kernel that does not stop within this time after shutdown_request is halted. */
    private static final long SHUTDOWN_GRACE_SECONDS = 10;

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("kernel", new Command("kernel CONNECTION_FILE\n  run the kernel (Jupyter starts it from the kernelspec)",
                Main::kernel));
        COMMANDS.put("install", new Command(InstallOptions.USAGE, Main::install));
        COMMANDS.put("check", new Command("check\n  start a kernel with this JDK and jar, run 1 + 1 through it as a client would, report",
                Main::check));
    }

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) {
        if (args.isEmpty() || List.of("-h", "--help", "help").contains(args.get(0))) {
            System.out.println(usage());
            return args.isEmpty() ? 2 : 0;
        }
        if (args.get(0).equals("--version")) {
            System.out.println(KernelInfo.IMPLEMENTATION + " " + KernelInfo.version());
            return 0;
        }
        Command command = COMMANDS.get(args.get(0));
        if (command == null) {
            return usageError("unknown command '" + args.get(0) + "'");
        }
        try {
            return command.body().run(args.subList(1, args.size()));
        } catch (UsageException e) {
            return usageError(e.getMessage());
        } catch (InstallException | ConnectionInfo.ConnectionFileException | Channels.BindException e) {
            System.err.println("jconcur: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("jconcur: " + args.get(0) + " failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    private static int kernel(List<String> args) throws InterruptedException {
        if (args.size() != 1) {
            throw new UsageException("kernel needs exactly one argument, the connection file");
        }
        ConnectionInfo connection = ConnectionInfo.read(Path.of(args.get(0)));
        // JShell and the user VM start booting now, while the kernel opens its history and binds its sockets:
        // the first cell waits for the boot, not for both one after the other.
        DeferredOutput output = new DeferredOutput();
        Engine engine = engine(output);
        Kernel kernel;
        try {
            HistoryStore history = HistoryStore.open(
                    JupyterPaths.fromEnvironment().dataDir().resolve("jconcur").resolve("history.jsonl"));
            kernel = Kernel.start(connection, kernelOutput -> {
                output.bind(kernelOutput);
                return engine;
            }, history);
        } catch (RuntimeException | Error e) {
            engine.close();
            throw e;
        }
        // SIGTERM (a kernel manager that gave up waiting): still take the user VM down with us.
        Runtime.getRuntime().addShutdownHook(new Thread(kernel::closeEngine, "jconcur-shutdown-hook"));
        LauncherWatch.launcher(System.getenv(), ProcessHandle.current())
                .ifPresent(launcher -> LauncherWatch.start(launcher, kernel::requestShutdown));
        ArchiveRefresh.startIfStale(ownJar(), ownJava());
        kernel.awaitShutdown();
        haltIfStuck();
        kernel.close();
        return 0;
    }

    private static int install(List<String> args) {
        InstallOptions options;
        try {
            options = InstallOptions.parse(args);
        } catch (InstallException e) {
            throw new UsageException(e.getMessage());
        }
        Path jar = ownJar();
        if (!Files.isRegularFile(jar)) {
            throw new InstallException("install must run from the kernel jar: java -jar "
                    + KernelspecInstaller.JAR_NAME + " install");
        }
        Path installed = new KernelspecInstaller()
                .install(options.kernelsDir(JupyterPaths.fromEnvironment()), jar, ownJava(), options.replace(), true);
        System.out.println("Installed kernelspec " + KernelspecInstaller.NAME + " (" + KernelspecInstaller.DISPLAY_NAME
                + ") in " + installed);
        return 0;
    }

    /** The jar this kernel runs from (a directory of classes in development and tests). */
    private static Path ownJar() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the kernel's own location is not a file: " + e.getMessage(), e);
        }
    }

    /** The java executable of the JDK this kernel runs on. */
    private static Path ownJava() {
        return Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
    }

    private static int check(List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("check takes no arguments");
        }
        SelfCheck.Report report = new SelfCheck(Main::engine).run();
        System.out.printf("%s: %s (kernel_info after %d ms, first cell after %d ms more, JDK %s)%n",
                report.ok() ? "ok" : "FAILED", report.detail(), report.kernelInfoMillis(), report.firstCellMillis(),
                Runtime.version());
        return report.ok() ? 0 : 1;
    }

    /**
     * The engine of every kernel this jar runs (kernel and check): magics over JShell with user code in a user VM.
     */
    private static Engine engine(EngineOutput output) {
        // null: the engine reads JCONCUR_USER_VM_OPTS (the kernelspec's env) and falls back to its defaults.
        JShellEngine engine = JShellEngine.start(output, null);
        return new MagicEngine(engine, engine, output);
    }

    private static void haltIfStuck() {
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(SHUTDOWN_GRACE_SECONDS);
                Log.warn("shutdown did not finish within %d s: halting", SHUTDOWN_GRACE_SECONDS);
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "jconcur-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static String usage() {
        StringBuilder text = new StringBuilder("usage: java -jar " + KernelspecInstaller.JAR_NAME + " COMMAND [ARGS]\n\ncommands:\n");
        COMMANDS.values().forEach(c -> text.append("  ").append(c.usage().replace("\n", "\n  ")).append("\n"));
        text.append("  --version\n  --help");
        return text.toString();
    }

    private static int usageError(String message) {
        System.err.println("jconcur: " + message + "\n\n" + usage());
        return 2;
    }

    /** Wrong arguments: reported with the usage text. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
