package jconcur.kernel;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.EngineOutput;
import jconcur.kernel.link.OutputOrigin;

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

    // The origin-carrying calls must reach the kernel's output as they are: their defaults would drop the origin.
    @Override
    public void print(List<Printed> printed) {
        target.join().print(printed);
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update, OutputOrigin origin) {
        target.join().display(bundle, displayId, update, origin);
    }

    @Override
    public void clearOutput(boolean wait, OutputOrigin origin) {
        target.join().clearOutput(wait, origin);
    }

    @Override
    public String requestInput(String prompt, boolean password) throws InputNotAllowedException {
        return target.join().requestInput(prompt, password);
    }
}
