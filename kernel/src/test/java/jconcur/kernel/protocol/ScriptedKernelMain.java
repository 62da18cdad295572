package jconcur.kernel.protocol;

import java.nio.file.Path;
import java.util.Map;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.EngineOutput;
import jconcur.kernel.engine.IsComplete;
import jconcur.kernel.install.JupyterPaths;
import jconcur.kernel.wire.ConnectionInfo;

/**
 * The real protocol layer with a scripted engine that answers exactly the samples of
 * src/test/python/test_kernel_conformance.py: lets jupyter_kernel_test check the protocol on its own
 * (ProtocolConformanceIT), independently of JShell.
 */
public final class ScriptedKernelMain {

    private ScriptedKernelMain() {}

    public static void main(String[] args) throws InterruptedException {
        ConnectionInfo connection = ConnectionInfo.read(Path.of(args[0]));
        Path history = JupyterPaths.fromEnvironment().dataDir().resolve("jconcur").resolve("history.jsonl");
        Kernel kernel = Kernel.start(connection, ScriptedKernelMain::conformanceEngine, HistoryStore.open(history));
        kernel.awaitShutdown();
        kernel.close();
        System.exit(0);
    }

    static ScriptedEngine conformanceEngine(EngineOutput output) {
        IsComplete complete = new IsComplete(IsComplete.Status.COMPLETE, "");
        IsComplete incomplete = new IsComplete(IsComplete.Status.INCOMPLETE, "    ");
        IsComplete invalid = new IsComplete(IsComplete.Status.INVALID, "");
        return new ScriptedEngine(output)
                .on("System.out.println(\"hello, world\");", out -> {
                    out.stream(EngineOutput.Stream.STDOUT, "hello, world\n");
                    return ScriptedEngine.ok();
                })
                .on("System.err.println(\"to stderr\");", out -> {
                    out.stream(EngineOutput.Stream.STDERR, "to stderr\n");
                    return ScriptedEngine.ok();
                })
                .on("throw new IllegalStateException(\"boom\");",
                        out -> ScriptedEngine.failed("java.lang.IllegalStateException", "boom"))
                .result("6 * 7", "42")
                .result("\"con\" + \"cur\"", "\"concur\"")
                .result("List.of(1, 2, 3)", "[1, 2, 3]")
                .on("display(\"hello\");", out -> {
                    out.display(MimeBundle.text("hello"), null, false);
                    return ScriptedEngine.ok();
                })
                .on("display(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB));", out -> {
                    out.display(new MimeBundle(Map.of("image/png", "iVBORw0KGgo=", "text/plain", "BufferedImage 8x8"),
                            Map.of()), "d-png", false);
                    return ScriptedEngine.ok();
                })
                .on("display(new MimeBundle(Map.of(\"text/html\", \"<b>hi</b>\", \"text/plain\", \"hi\"), Map.of()));",
                        out -> {
                            out.display(new MimeBundle(Map.of("text/html", "<b>hi</b>", "text/plain", "hi"), Map.of()),
                                    null, false);
                            return ScriptedEngine.ok();
                        })
                .on("clearOutput();", out -> {
                    out.clearOutput(false);
                    return ScriptedEngine.ok();
                })
                .doc("String", "java.lang.String\nThe String class represents character strings.")
                .doc("MAX_VALUE", "int MAX_VALUE")
                .doc("currentThread()", "Thread currentThread()")
                .completeness("1 + 1", complete)
                .completeness("void f() {", incomplete)
                .completeness("int y = (1 +", incomplete)
                .completeness("for (int i = 0; i < 3; i++) {", incomplete)
                .completeness("class B {", incomplete)
                .completeness("int 1x = 2;", invalid)
                .completeness("}", invalid);
    }
}
