package jconcur.kernel.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.Completion;
import jconcur.kernel.engine.Engine;
import jconcur.kernel.engine.EngineOutput;
import jconcur.kernel.engine.ExecuteOutcome;
import jconcur.kernel.engine.Inspection;
import jconcur.kernel.engine.IsComplete;

/**
 * A test double of the engine for exercising the protocol layer: each cell's behaviour is scripted by its
 * exact source. Unknown cells fail like a compile error. Records what it was asked.
 */
final class ScriptedEngine implements Engine {

    private final EngineOutput output;
    private final Map<String, Function<EngineOutput, ExecuteOutcome>> cells = new ConcurrentHashMap<>();
    private final Map<String, IsComplete> completeness = new ConcurrentHashMap<>();
    private final Map<String, MimeBundle> docs = new ConcurrentHashMap<>();
    final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger interrupts = new AtomicInteger();
    final CountDownLatch closed = new CountDownLatch(1);
    private volatile CountDownLatch interrupted = new CountDownLatch(1);

    ScriptedEngine(EngineOutput output) {
        this.output = output;
    }

    ScriptedEngine on(String code, Function<EngineOutput, ExecuteOutcome> behaviour) {
        cells.put(code, behaviour);
        return this;
    }

    ScriptedEngine result(String code, String plainText) {
        return on(code, out -> ok(MimeBundle.text(plainText)));
    }

    ScriptedEngine doc(String name, String text) {
        docs.put(name, MimeBundle.text(text));
        return this;
    }

    ScriptedEngine completeness(String code, IsComplete answer) {
        completeness.put(code, answer);
        return this;
    }

    static ExecuteOutcome ok() {
        return new ExecuteOutcome.Ok(Optional.empty());
    }

    static ExecuteOutcome ok(MimeBundle result) {
        return new ExecuteOutcome.Ok(Optional.of(result));
    }

    static ExecuteOutcome failed(String ename, String evalue) {
        return new ExecuteOutcome.Failed(ename, evalue, List.of(ename + ": " + evalue, "\tat cell line 1"));
    }

    /** A behaviour that blocks until interrupt() and then fails like an interrupted cell. */
    ExecuteOutcome blockUntilInterrupted() {
        try {
            interrupted.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        interrupted = new CountDownLatch(1);
        return failed("Interrupted", "the cell was interrupted");
    }

    EngineOutput output() {
        return output;
    }

    @Override
    public ExecuteOutcome execute(String code) {
        executed.add(code);
        Function<EngineOutput, ExecuteOutcome> behaviour = cells.get(code);
        return behaviour != null ? behaviour.apply(output) : failed("CompilationError", "cannot find symbol in: " + code);
    }

    @Override
    public void interrupt() {
        interrupts.incrementAndGet();
        interrupted.countDown();
    }

    @Override
    public Completion complete(String code, int cursorPos) {
        int start = cursorPos;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        String prefix = code.substring(start, cursorPos);
        List<String> matches = docs.keySet().stream().filter(n -> n.startsWith(prefix)).sorted().toList();
        return new Completion(matches, start, cursorPos);
    }

    @Override
    public Inspection inspect(String code, int cursorPos, int detailLevel) {
        return new Inspection(Optional.ofNullable(docs.get(code.substring(0, cursorPos).trim())));
    }

    @Override
    public IsComplete isComplete(String code) {
        return completeness.getOrDefault(code, new IsComplete(IsComplete.Status.COMPLETE, ""));
    }

    @Override
    public void close() {
        interrupted.countDown();
        closed.countDown();
    }
}
