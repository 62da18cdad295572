package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import jconcur.kernel.engine.Engine;
import jconcur.kernel.engine.EngineOutput;
import jconcur.kernel.wire.Channels;
import jconcur.kernel.wire.ConnectionInfo;
import jconcur.kernel.wire.Heartbeat;
import jconcur.kernel.log.Log;
import jconcur.kernel.wire.MessageCodec;

/**
 * A running kernel: the five channels bound, one thread each for shell, control and heartbeat, and the engine.
 * Start it, then {@link #awaitShutdown()} and {@link #close()}.
 */
public final class Kernel implements AutoCloseable {

    /** Starts the engine with the kernel's output sink; must return at once (the user VM boots later). */
    @FunctionalInterface
    public interface EngineFactory {
        Engine start(EngineOutput output);
    }

    private final Channels channels;
    private final Engine engine;
    private final StdinChannel stdin;
    private final HistoryStore history;
    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Kernel(ConnectionInfo connection, EngineFactory engineFactory, HistoryStore history) {
        this.history = history;
        MessageCodec codec = new MessageCodec(connection.signer());
        ObjectMapper json = codec.json();
        channels = Channels.bind(connection, codec);
        Iopub iopub = new Iopub(channels.iopub(), codec);
        iopub.status(json.createObjectNode(), "starting");
        stdin = new StdinChannel(channels.stdin(), codec);
        KernelOutput output = new KernelOutput(iopub, stdin, json);
        engine = engineFactory.start(output);

        StopOnError stopOnError = new StopOnError();
        KernelInfo kernelInfo = new KernelInfo(json);
        Lifecycle lifecycle = new Lifecycle(engine, stdin, shutdown, connection, json);
        EngineQueries queries = new EngineQueries(engine, json);
        Comms comms = new Comms(iopub, json);

        Map<String, Dispatcher.Handler> control = new HashMap<>();
        control.put("kernel_info_request", kernelInfo);
        control.put("shutdown_request", lifecycle::shutdown);
        control.put("interrupt_request", lifecycle::interrupt);
        control.put("connect_request", lifecycle::connect);

        Map<String, Dispatcher.Handler> shell = new HashMap<>(control);
        shell.put("execute_request", new ExecuteHandler(engine, iopub, output, history, stopOnError, json));
        shell.put("complete_request", queries::complete);
        shell.put("inspect_request", queries::inspect);
        shell.put("is_complete_request", queries::isComplete);
        shell.put("history_request", new HistoryHandler(history, json));
        shell.put("comm_info_request", comms::info);
        shell.put("comm_open", comms::open);

        // Only on control: JupyterLab sends it there, and it must be answered while a cell holds the shell.
        control.put("debug_request", new DebugRequestHandler(engine, iopub, json));

        start("jconcur-heartbeat", new Heartbeat(channels.heartbeat()));
        start("jconcur-control", new ChannelLoop(channels.control(), codec,
                new Dispatcher(iopub, control), new StopOnError()));
        start("jconcur-shell", new ChannelLoop(channels.shell(), codec,
                new Dispatcher(iopub, shell), stopOnError));
        Log.info("kernel %s ready on %s (shell port %d), %d ms after the JVM started", KernelInfo.version(),
                connection.ip(), connection.shellPort(), millisSinceProcessStart());
    }

    /** Binds the channels, starts the engine and the channel threads; requests are served when this returns. */
    public static Kernel start(ConnectionInfo connection, EngineFactory engineFactory, HistoryStore history) {
        return new Kernel(connection, engineFactory, history);
    }

    /** Blocks until a front end sends shutdown_request or {@link #requestShutdown()} is called. */
    public void awaitShutdown() throws InterruptedException {
        shutdown.await();
    }

    /** Asks for the same orderly shutdown as a front end's shutdown_request (no reply: nobody asked). */
    public void requestShutdown() {
        shutdown.request();
    }

    /** Stops the engine (and its user VM), flushes the last replies and closes every socket. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stdin.close();
        try {
            engine.close();
        } catch (RuntimeException e) {
            Log.error("closing the engine failed", e);
        }
        channels.close();
        history.close();
        Log.info("kernel shut down");
    }

    /** Stops the engine only; for a JVM shutdown hook, where sockets need no orderly close. */
    public void closeEngine() {
        if (!closed.get()) {
            engine.close();
        }
    }

    private static long millisSinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
    }

    private static void start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }
}
