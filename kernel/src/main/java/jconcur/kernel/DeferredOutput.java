package jconcur.kernel;

import java.util.concurrent.CompletableFuture;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.EngineOutput;

/**
 * The engine's output while the kernel's channels are still being bound: lets the engine (JShell and the user
 * VM) start booting first thing. Nothing goes through it before the first cell except what a starting user VM
 * prints; such calls wait until {@link #bind} names the kernel's real output.
 */
final class DeferredOutput implements EngineOutput {

    private final CompletableFuture<EngineOutput> target = new CompletableFuture<>();

    void bind(EngineOutput output) {
        target.complete(output);
    }

    @Override
    public void stream(Stream stream, String text) {
        target.join().stream(stream, text);
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update) {
        target.join().display(bundle, displayId, update);
    }

    @Override
    public void clearOutput(boolean wait) {
        target.join().clearOutput(wait);
    }

    @Override
    public String requestInput(String prompt, boolean password) throws InputNotAllowedException {
        return target.join().requestInput(prompt, password);
    }
}
