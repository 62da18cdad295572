package jconcur.kernel.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import jconcur.display.MimeBundle;
import jconcur.kernel.link.OutputOrigin;

/** An EngineOutput that remembers everything, for tests. */
final class RecordingOutput implements EngineOutput {

    record Display(MimeBundle bundle, String displayId, boolean update) {}

    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final List<String> streamCalls = new ArrayList<>();
    private final List<Display> displays = new ArrayList<>();
    private final List<String> inputs = new ArrayList<>();
    private int clears;
    private volatile boolean allowInput = true;

    @Override
    public synchronized void stream(Stream stream, String text) {
        (stream == Stream.STDOUT ? stdout : stderr).append(text);
        streamCalls.add(stream + ":" + text);
        notifyAll();
    }

    @Override
    public synchronized void display(MimeBundle bundle, String displayId, boolean update) {
        displays.add(new Display(bundle, displayId, update));
        streamCalls.add("DISPLAY:" + bundle.data().get("text/plain"));
        notifyAll();
    }

    @Override
    public synchronized void clearOutput(boolean wait) {
        clears++;
        streamCalls.add("CLEAR");
    }

    /** Everything as output of the running cell: these tests do not route by origin. */
    @Override
    public void print(List<Printed> printed) {
        printed.forEach(p -> stream(p.stream(), p.text()));
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update, OutputOrigin origin) {
        display(bundle, displayId, update);
    }

    @Override
    public void clearOutput(boolean wait, OutputOrigin origin) {
        clearOutput(wait);
    }

    @Override
    public synchronized String requestInput(String prompt, boolean password) throws InputNotAllowedException {
        if (!allowInput) {
            throw new InputNotAllowedException();
        }
        return inputs.isEmpty() ? "" : inputs.remove(0);
    }

    synchronized void answerInputWith(String... lines) {
        inputs.addAll(List.of(lines));
    }

    void allowInput(boolean allow) {
        allowInput = allow;
    }

    synchronized String stdout() {
        return stdout.toString();
    }

    synchronized String stderr() {
        return stderr.toString();
    }

    synchronized List<String> calls() {
        return List.copyOf(streamCalls);
    }

    synchronized List<Display> displays() {
        return List.copyOf(displays);
    }

    synchronized int clears() {
        return clears;
    }

    synchronized void reset() {
        stdout.setLength(0);
        stderr.setLength(0);
        streamCalls.clear();
        displays.clear();
        clears = 0;
    }

    /** Waits until the condition holds (output from background threads arrives on its own time). */
    synchronized boolean await(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return true;
    }
}
