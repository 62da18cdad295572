package jconcur.kernel.magic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.Completion;
import jconcur.kernel.engine.Engine;
import jconcur.kernel.engine.EngineOutput;
import jconcur.kernel.engine.ExecuteOutcome;
import jconcur.kernel.engine.Inspection;
import jconcur.kernel.engine.IsComplete;
import jconcur.kernel.engine.UserVmSetup;

/**
 * The kernel's Engine with magics: recognises the line magics ({@code %name args}) that open a cell and a
 * cell magic ({@code %%name args} on the first line), runs them, and passes plain Java to the wrapped
 * engine. Magics run in the kernel JVM; whatever touches the user's state runs as generated Java in the
 * user VM through the wrapped engine.
 */
public final class MagicEngine implements Engine {

    /** A %load nested in a loaded file stops here rather than recursing forever. */
    private static final int MAX_LOAD_DEPTH = 8;

    private final Engine engine;
    private final MagicRegistry registry;
    private final MagicContext context;
    private int depth;
    private NextCell cell = new NextCell(0, 0, "");

    /**
     * @param engine the engine that runs Java (JShellEngine)
     * @param userVm restarts the user VM and extends its class path (the same JShellEngine)
     * @param output the kernel's output, the same the engine writes to
     */
    public MagicEngine(Engine engine, UserVmSetup userVm, EngineOutput output) {
        this.engine = engine;
        this.context = new MagicContext(engine, userVm, output, this::execute);
        this.registry = new MagicRegistry(BuiltInMagics.create(this::registry));
    }

    private MagicRegistry registry() {
        return registry;
    }

    @Override
    public void nextCell(NextCell cell) {
        this.cell = cell;
        engine.nextCell(cell);
    }

    @Override
    public java.util.Optional<jconcur.kernel.engine.UserVmDebugger> debugger() {
        return engine.debugger();
    }

    @Override
    public ExecuteOutcome execute(String code) {
        if (depth >= MAX_LOAD_DEPTH) {
            return Failures.usage("%load nested more than " + MAX_LOAD_DEPTH + " levels deep");
        }
        // A file %load runs is not the cell's text: the debugger must not map its lines onto the cell's.
        NextCell outer = cell;
        if (depth > 0) {
            nextCell(new NextCell(outer.executionCount(), outer.outputCell(), code));
        }
        depth++;
        try {
            return run(NbgraderMarkers.blankOut(code));
        } finally {
            depth--;
            if (cell != outer) {
                nextCell(outer);
            }
        }
    }

    private ExecuteOutcome run(String cell) {
        ParsedCell parsed = CellParser.parse(cell);
        if (!parsed.hasMagics()) {
            return engine.execute(cell);
        }
        if (parsed.cellMagic().isPresent() && !parsed.lineMagics().isEmpty()) {
            return Failures.usage(parsed.cellMagic().get().display()
                    + " must be on the first line of the cell, before any line magic");
        }
        if (parsed.cellMagic().isPresent()) {
            return runMagic(parsed.cellMagic().get(), parsed.body());
        }
        ExecuteOutcome last = new ExecuteOutcome.Ok(Optional.empty());
        for (MagicCall call : parsed.lineMagics()) {
            last = runMagic(call, null);
            if (last instanceof ExecuteOutcome.Failed) {
                return last;
            }
        }
        if (parsed.body().isBlank()) {
            return last;
        }
        // Blank lines in place of the magics keep the line numbers of compile errors those of the cell.
        String code = "\n".repeat((int) cell.substring(0, parsed.bodyOffset()).chars().filter(c -> c == '\n').count())
                + parsed.body();
        return engine.execute(code);
    }

    private ExecuteOutcome runMagic(MagicCall call, String body) {
        Optional<Magic> found = registry.find(call.name());
        if (found.isEmpty() || !(call.cell() ? found.get().isCell() : found.get().isLine())) {
            return unknown(call);
        }
        Magic magic = found.get();
        if (call.help()) {
            context.print(MagicRegistry.helpText(magic));
            return new ExecuteOutcome.Ok(Optional.empty());
        }
        try {
            return call.cell() ? magic.cell(call.args(), body, context) : magic.line(call.args(), context);
        } catch (MagicUsageException e) {
            return Failures.usage(e.getMessage() + "\nUsage: " + magic.usage().replace("\n", "\n       "));
        } catch (MagicFailedException e) {
            return e.outcome();
        }
    }

    private ExecuteOutcome unknown(MagicCall call) {
        String kind = call.cell() ? "Cell" : "Line";
        if (call.name().isEmpty()) {
            return Failures.usage(kind + " magic name missing after " + (call.cell() ? "%%" : "%")
                    + " (%lsmagic lists the magics)");
        }
        List<String> close = new ArrayList<>();
        NameSuggester.closeNames(call.name(), registry.names(call.cell())).forEach(n -> close.add((call.cell() ? "%%" : "%") + n));
        if (!call.cell() && registry.names(true).contains(call.name())) {
            close.add(0, "%%" + call.name() + " (a cell magic: put it on the first line)");
        }
        if (call.cell() && registry.names(false).contains(call.name())) {
            close.add(0, "%" + call.name() + " (a line magic)");
        }
        String message = kind + " magic function `" + call.display() + "` not found."
                + (close.isEmpty() ? " %lsmagic lists the magics." : " Did you mean: " + String.join(", ", close) + "?");
        return Failures.usage(message);
    }

    @Override
    public void interrupt() {
        if (!context.interruptKernelSideWork()) {
            engine.interrupt();
        }
    }

    @Override
    public Completion complete(String code, int cursorPos) {
        ParsedCell parsed = CellParser.parse(code);
        if (inMagicLines(parsed, code, cursorPos)) {
            return completeMagicName(code, cursorPos);
        }
        if (!parsed.hasMagics()) {
            return engine.complete(code, cursorPos);
        }
        if (parsed.cellMagic().map(c -> !javaBody(c)).orElse(false)) {
            return new Completion(List.of(), cursorPos, cursorPos);
        }
        Completion inner = engine.complete(parsed.body(), cursorPos - parsed.bodyOffset());
        return new Completion(inner.matches(), inner.cursorStart() + parsed.bodyOffset(),
                inner.cursorEnd() + parsed.bodyOffset());
    }

    private boolean javaBody(MagicCall cellMagic) {
        return registry.find(cellMagic.name()).map(m -> m instanceof JavaBodyMagic).orElse(false);
    }

    /** The cursor is on one of the leading magic lines (or on a line being typed as one). */
    private static boolean inMagicLines(ParsedCell parsed, String code, int cursorPos) {
        int lineStart = lineStart(code, cursorPos);
        return lineStart < parsed.bodyOffset()
                || (!parsed.hasMagics() && code.substring(lineStart, Math.min(cursorPos, code.length())).stripLeading().startsWith("%"));
    }

    private static int lineStart(String code, int cursorPos) {
        return cursorPos == 0 ? 0 : code.lastIndexOf('\n', Math.min(cursorPos, code.length()) - 1) + 1;
    }

    private Completion completeMagicName(String code, int cursorPos) {
        int lineStart = lineStart(code, cursorPos);
        String before = code.substring(lineStart, Math.min(cursorPos, code.length()));
        String trimmed = before.stripLeading();
        if (!trimmed.matches("%%?\\w*")) {
            return new Completion(List.of(), cursorPos, cursorPos);
        }
        boolean cell = trimmed.startsWith("%%");
        String prefix = trimmed.substring(cell ? 2 : 1);
        String marks = cell ? "%%" : "%";
        Collection<String> names = registry.names(cell);
        List<String> matches = names.stream().filter(n -> n.startsWith(prefix)).map(n -> marks + n).toList();
        int start = lineStart + before.length() - trimmed.length();
        return new Completion(matches, start, cursorPos);
    }

    @Override
    public Inspection inspect(String code, int cursorPos, int detailLevel) {
        ParsedCell parsed = CellParser.parse(code);
        if (inMagicLines(parsed, code, cursorPos)) {
            int lineStart = lineStart(code, cursorPos);
            int lineEnd = code.indexOf('\n', lineStart);
            ParsedCell line = CellParser.parse(code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd));
            Optional<MagicCall> call = line.cellMagic().or(() -> line.lineMagics().stream().findFirst());
            return new Inspection(call.flatMap(c -> registry.find(c.name()))
                    .map(m -> MimeBundle.text(MagicRegistry.helpText(m))));
        }
        if (!parsed.hasMagics()) {
            return engine.inspect(code, cursorPos, detailLevel);
        }
        if (parsed.cellMagic().map(c -> !javaBody(c)).orElse(false)) {
            return new Inspection(Optional.empty());
        }
        return engine.inspect(parsed.body(), cursorPos - parsed.bodyOffset(), detailLevel);
    }

    @Override
    public IsComplete isComplete(String code) {
        ParsedCell parsed = CellParser.parse(code);
        if (parsed.cellMagic().isPresent() || (parsed.hasMagics() && parsed.body().isBlank())) {
            return new IsComplete(IsComplete.Status.COMPLETE, "");
        }
        return engine.isComplete(parsed.hasMagics() ? parsed.body() : code);
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            context.close();
        }
    }
}
