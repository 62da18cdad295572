package jconcur.bench;

import jconcur.display.MimeBundle;
import jconcur.kernel.engine.EngineOutput;

/** Drops the engine's output: the benchmarks measure the engine, not a front end. */
class SilentOutput implements EngineOutput {

    @Override
    public void stream(Stream stream, String text) {
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update) {
    }

    @Override
    public void clearOutput(boolean wait) {
    }

    @Override
    public String requestInput(String prompt, boolean password) throws InputNotAllowedException {
        throw new InputNotAllowedException();
    }
}
