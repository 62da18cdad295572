package jconcur.bench;

import java.util.List;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.EngineOutput;
import jconcur.kernel.link.OutputOrigin;

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
    public void print(List<Printed> printed) {
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update, OutputOrigin origin) {
    }

    @Override
    public void clearOutput(boolean wait, OutputOrigin origin) {
    }

    @Override
    public String requestInput(String prompt, boolean password) throws InputNotAllowedException {
        throw new InputNotAllowedException();
    }
}
