package jconcur.kernel.engine;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.Location;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.StepRequest;
import java.util.ArrayList;
import jconcur.concurrency.names.WrapperNames;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * The debugger's side of the user VM, through JDI: breakpoints by cell line, threads paused one at a time
 * (SUSPEND_EVENT_THREAD: the others run on), stack frames mapped back to cell lines, variables, stepping.
 * Nothing is requested from the user VM until a client attaches, so cells run as fast as without a debugger.
 * Cells are named by the path the client computes from their code (given at attach).
 */
public final class UserVmDebugger {

    /** Where a DAP client hears of threads that stop and run on. */
    public interface Events {
        void stopped(long threadId, String reason);

        void continued(long threadId, boolean allThreads);
    }

    public record Frame(int id, String name, Optional<String> path, int line) {}

    public record Scope(String name, int variablesReference) {}

    /** A variable; variablesReference 0 when it has no children. */
    public record Variable(String name, String value, String type, int variablesReference) {}

    public record ThreadSummary(long id, String name) {}

    public enum Step {
        OVER(StepRequest.STEP_OVER), INTO(StepRequest.STEP_INTO), OUT(StepRequest.STEP_OUT);

        private final int depth;

        Step(int depth) {
            this.depth = depth;
        }
    }

    /** Stepping stays in notebook code: these classes are stepped over. */
    private static final List<String> STEP_EXCLUSIONS = List.of("java.*", "javax.*", "jdk.*", "sun.*", "com.sun.*",
            "jconcur.*", "org.knowm.*", "de.erichseifert.*");
    private static final String WRAPPER_PREFIX = "REPL.";
    /** A line that a step cannot leave (a one-line busy loop) stops the step after this many wrapper lines. */
    private static final int MAX_STEPS_PER_LINE = 1000;

    private final Supplier<Optional<UserVmSession>> currentSession;
    private final Map<Integer, String> cellCode = new ConcurrentHashMap<>();
    /** Source paths of cells by serial, computed once per cell when the debugger first needs them. */
    private final Map<Integer, String> cellPaths = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> breakpointLines = new LinkedHashMap<>();
    private final Map<Long, ThreadReference> paused = new ConcurrentHashMap<>();
    private final Map<Integer, FrameRef> frames = new ConcurrentHashMap<>();
    private final DebugVariables variables = new DebugVariables();
    private final AtomicInteger nextFrameId = new AtomicInteger(1);
    private final Map<Long, Stepping> stepping = new ConcurrentHashMap<>();
    private final List<BreakpointRequest> breakpoints = new ArrayList<>();
    private volatile Events events;
    private volatile Function<String, String> cellPath;
    private volatile UserVmSession session;
    private ClassPrepareRequest classPrepare;

    private record FrameRef(ThreadReference thread, int index) {}

    /** A step under way: what it was asked to do, from which cell line and frame depth, how many steps so far. */
    private record Stepping(Step step, String path, int line, int frames, int steps) {
        Stepping(Step step, String path, int line, int frames) {
            this(step, path, line, frames, 0);
        }

        Stepping again() {
            return new Stepping(step, path, line, frames, steps + 1);
        }
    }


    UserVmDebugger(Supplier<Optional<UserVmSession>> currentSession) {
        this.currentSession = currentSession;
    }

    public boolean isAttached() {
        return events != null;
    }

    /**
     * Starts debugging: from now on breakpoints are set in the user VM and paused threads are reported.
     * @param pathOfCode the source path the client names a cell's code by
     */
    public synchronized void attach(Events listener, Function<String, String> pathOfCode) {
        if (cellPath != pathOfCode) {
            cellPaths.clear();
            cellPath = pathOfCode;
        }
        events = listener;
        // JupyterLab may attach again (a restored session): the user VM already taken over stays as it is.
        currentSession.get().filter(UserVmSession::isAlive).filter(s -> s != session).ifPresent(this::adopt);
    }

    /** Ends debugging: breakpoints and steps are removed and every paused thread runs on. */
    public synchronized void detach() {
        breakpointLines.clear();
        release(session);
        session = null;
        events = null;
    }

    /** Replaces the breakpoints of one cell path; returns the lines (a cell not run yet gets them when it runs). */
    public synchronized List<Integer> setBreakpoints(String path, List<Integer> lines) {
        if (lines.isEmpty()) {
            breakpointLines.remove(path);
        } else {
            breakpointLines.put(path, Set.copyOf(lines));
        }
        if (session != null) {
            deleteBreakpoints(path);
            for (ReferenceType type : wrapperClasses(session.vm())) {
                resolve(type);
            }
        }
        return List.copyOf(lines);
    }

    public synchronized Map<String, List<Integer>> breakpoints() {
        Map<String, List<Integer>> result = new LinkedHashMap<>();
        breakpointLines.forEach((path, lines) -> result.put(path, lines.stream().sorted().toList()));
        return result;
    }

    public List<Long> stoppedThreads() {
        return paused.keySet().stream().sorted().toList();
    }

    public List<ThreadSummary> threads() {
        UserVmSession s = attachedSession();
        return ThreadsScope.userThreads(s.vm()).stream()
                .map(t -> new ThreadSummary(t.uniqueID(), t.name())).toList();
    }

    public List<Frame> stackTrace(long threadId) {
        ThreadReference thread = pausedThread(threadId);
        List<Frame> result = new ArrayList<>();
        try {
            List<StackFrame> stack = thread.frames();
            for (int i = 0; i < stack.size(); i++) {
                Location at = stack.get(i).location();
                Optional<CellLine> cell = cellLine(at);
                if (cell.isPresent()) {
                    int id = frameId(thread, i);
                    String name = cell.get().name().isEmpty() ? "cell" : cell.get().name();
                    result.add(new Frame(id, name, Optional.of(cell.get().path()), cell.get().line()));
                } else if (!isInternal(at.declaringType().name())) {
                    result.add(new Frame(frameId(thread, i), WrapperNames.expunge(at.declaringType().name()) + "."
                            + at.method().name(), Optional.empty(), Math.max(0, at.lineNumber())));
                }
            }
        } catch (IncompatibleThreadStateException e) {
            throw new IllegalStateException("thread " + threadId + " is not paused");
        }
        return result;
    }

    public List<Scope> scopes(int frameId) {
        FrameRef ref = frames.get(frameId);
        if (ref == null) {
            throw new IllegalArgumentException("no frame " + frameId + " (frames end when the thread runs on)");
        }
        UserVmSession s = attachedSession();
        return List.of(new Scope("Locals", variables.handle(() -> locals(ref))),
                new Scope("Notebook", variables.handle(() -> notebookVariables(s))),
                new Scope("Threads", variables.handle(() -> ThreadsScope.of(s.vm(), paused.keySet(), variables))));
    }

    public List<Variable> variables(int reference) {
        return variables.children(reference);
    }

    /**
     * The notebook's top-level variables now, read through JDI without stopping anything (JupyterLab asks on
     * every output of a running cell while its panel is open).
     */
    public List<Variable> notebookVariables() {
        UserVmSession s = currentSession.get().filter(UserVmSession::isAlive)
                .orElseThrow(() -> new IllegalStateException("the user VM is not running yet"));
        if (paused.isEmpty()) {
            variables.clear(); // nothing paused holds a reference: earlier answers' handles may go
        }
        return notebookVariables(s);
    }

    /**
     * A variable named by a path such as {@code counter.value} or {@code point.x}: its first name among the
     * locals of the frame (when given) or the notebook's variables, then field by field. JDI evaluates no
     * expressions, and no user code runs.
     */
    public Variable evaluate(String path, Optional<Integer> frameId) {
        String[] names = path.strip().split("\\.");
        List<Variable> candidates = new ArrayList<>();
        frameId.map(id -> Optional.ofNullable(frames.get(id)).orElseThrow(
                () -> new IllegalArgumentException("no frame " + id))).ifPresent(ref -> candidates.addAll(locals(ref)));
        candidates.addAll(notebookVariables());
        Variable found = named(candidates, names[0], path);
        for (int i = 1; i < names.length; i++) {
            if (found.variablesReference() == 0) {
                throw new IllegalArgumentException(String.join(".", java.util.Arrays.copyOf(names, i))
                        + " has no fields (" + found.value() + ")");
            }
            found = named(variables.children(found.variablesReference()), names[i], path);
        }
        return found;
    }

    private static Variable named(List<Variable> candidates, String name, String path) {
        return candidates.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("cannot evaluate '" + path + "': no variable or field '" + name
                        + "' (the debugger evaluates variable and field paths, not expressions)"));
    }

    /** Lets a paused thread run on. */
    public void resume(long threadId) {
        ThreadReference thread = pausedThread(threadId);
        runOn(thread);
        Events listener = events;
        if (listener != null) {
            listener.continued(threadId, false);
        }
    }

    /** Runs a paused thread to the next line of notebook code (over, into or out of calls). */
    public void step(long threadId, Step step) {
        ThreadReference thread = pausedThread(threadId);
        try {
            Optional<CellLine> from = cellLine(thread.frame(0).location());
            stepping.put(threadId, new Stepping(step, from.map(CellLine::path).orElse(""), from.map(CellLine::line)
                    .orElse(0), thread.frameCount()));
        } catch (IncompatibleThreadStateException e) {
            throw new IllegalStateException("thread " + threadId + " is not paused");
        }
        synchronized (this) {
            requestStep(thread, step);
        }
        runOn(thread);
    }

    private static void requestStep(ThreadReference thread, Step step) {
        EventRequestManager requests = thread.virtualMachine().eventRequestManager();
        deleteSteps(requests, thread);
        StepRequest request = requests.createStepRequest(thread, StepRequest.STEP_LINE, step.depth);
        STEP_EXCLUSIONS.forEach(request::addClassExclusionFilter);
        request.addCountFilter(1);
        request.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
        request.enable();
    }

    /**
     * Whether a step that ended here goes on: JShell's wrapper code spreads one cell line over several wrapper
     * lines (a declaration's initializer and its assignment), and some wrapper lines belong to no cell line.
     * A step ends on another cell line or in another frame, as a user expects; a step out that landed in
     * wrapper code goes over to the next cell line.
     */
    private boolean stepsOn(ThreadReference thread, Location at) {
        Stepping from = stepping.get(thread.uniqueID());
        if (from == null || from.steps() >= MAX_STEPS_PER_LINE) {
            stepping.remove(thread.uniqueID());
            return false;
        }
        Optional<CellLine> here = cellLine(at);
        boolean sameLine;
        try {
            sameLine = here.isPresent() && here.get().path().equals(from.path()) && here.get().line() == from.line()
                    && thread.frameCount() == from.frames();
        } catch (IncompatibleThreadStateException e) {
            return false;
        }
        if (here.isPresent() && !sameLine) {
            stepping.remove(thread.uniqueID());
            return false;
        }
        stepping.put(thread.uniqueID(), from.again());
        synchronized (this) {
            requestStep(thread, from.step() == Step.OUT ? Step.OVER : from.step());
        }
        return true;
    }

    /**
     * Pauses a running thread (DAP pause). JupyterLab names thread 1 when none is paused yet: a thread id the
     * user VM does not have pauses the thread running the cell.
     */
    public void pause(long threadId) {
        UserVmSession s = attachedSession();
        ThreadReference thread = ThreadsScope.userThreads(s.vm()).stream().filter(t -> t.uniqueID() == threadId)
                .findFirst().or(() -> s.stopper().cellThread()).orElseThrow(() -> new IllegalArgumentException(
                        "no user VM thread " + threadId + ", and no cell is running"));
        if (paused.putIfAbsent(thread.uniqueID(), thread) == null) {
            thread.suspend();
            Events listener = events;
            if (listener != null) {
                listener.stopped(thread.uniqueID(), "pause");
            }
        }
    }

    /** An interrupt ends the cell: every paused thread runs on (the interrupt signal is already pending). */
    void resumeAllForInterrupt() {
        if (paused.isEmpty()) {
            return;
        }
        for (ThreadReference thread : List.copyOf(paused.values())) {
            runOn(thread);
        }
        Events listener = events;
        if (listener != null) {
            listener.continued(0, true);
        }
    }

    // --- hooks called by the engine ---

    /** A cell starts in session s: its code names it for the client; a new user VM is taken over. */
    void cellStarts(int serial, String code, UserVmSession s) {
        cellCode.put(serial, code);
        if (events != null && session != s) {
            synchronized (this) {
                if (events != null && session != s) {
                    adopt(s);
                }
            }
        }
    }

    // --- internals ---

    private void adopt(UserVmSession s) {
        release(session);
        paused.clear();
        session = s;
        s.onExit(this::sessionEnded);
        VirtualMachine vm = s.vm();
        s.jdiEvents().handler(this::holds);
        s.control().invokeListener(new UserVmExecutionControl.InvokeListener() {
            @Override
            public void beforeInvoke(String className) {
                snippetLoaded(s, className);
            }

            @Override
            public void afterInvoke() {
                synchronized (UserVmDebugger.this) {
                    for (StepRequest step : List.copyOf(vm.eventRequestManager().stepRequests())) {
                        if (!paused.containsKey(step.thread().uniqueID())) {
                            stepping.remove(step.thread().uniqueID());
                            vm.eventRequestManager().deleteEventRequest(step);
                        }
                    }
                }
            }
        });
        classPrepare = vm.eventRequestManager().createClassPrepareRequest();
        classPrepare.addClassFilter(WRAPPER_PREFIX + "*");
        classPrepare.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
        classPrepare.enable();
        for (ReferenceType type : wrapperClasses(vm)) {
            resolve(type);
        }
    }

    /**
     * The user VM of s ended (System.exit, crash, restart, %reset): its paused threads and requests went with it.
     * The client's breakpoints stay, for the next user VM (taken over when its first cell starts).
     */
    private synchronized void sessionEnded(UserVmSession s) {
        if (session != s) {
            return;
        }
        boolean hadPaused = !paused.isEmpty();
        breakpoints.clear();
        classPrepare = null;
        paused.clear();
        frames.clear();
        variables.clear();
        session = null;
        Events listener = events;
        if (hadPaused && listener != null) {
            listener.continued(0, true);
        }
    }

    /** Undoes everything requested in s's user VM and lets its paused threads run on. */
    private void release(UserVmSession s) {
        if (s == null) {
            return;
        }
        s.control().invokeListener(null);
        s.jdiEvents().handler(null);
        try {
            EventRequestManager requests = s.vm().eventRequestManager();
            requests.deleteEventRequests(breakpoints);
            requests.deleteEventRequests(List.copyOf(requests.stepRequests()));
            if (classPrepare != null) {
                requests.deleteEventRequest(classPrepare);
            }
            for (ThreadReference thread : List.copyOf(paused.values())) {
                runOn(thread);
            }
        } catch (VMDisconnectedException e) {
            // the user VM is gone: nothing left to undo
        }
        breakpoints.clear();
        classPrepare = null;
        paused.clear();
        stepping.clear();
        frames.clear();
        variables.clear();
    }

    /** The statement JShell is about to invoke was compiled and loaded: its origin is known, its lines too. */
    private void snippetLoaded(UserVmSession s, String className) {
        JShell jshell = s.jshell();
        List<Snippet> snippets = jshell.snippets().toList();
        for (int i = snippets.size() - 1; i >= 0; i--) {
            Snippet snippet = snippets.get(i);
            if (snippet.kind() != Snippet.Kind.ERRONEOUS
                    && jshell.sourceCodeAnalysis().wrapper(snippet).fullClassName().equals(className)) {
                s.origins().loaded(snippet.id(), jshell.sourceCodeAnalysis().wrapper(snippet));
                break;
            }
        }
        synchronized (this) {
            for (ReferenceType type : s.vm().classesByName(className)) {
                resolve(type);
            }
        }
    }

    private boolean holds(EventSet set) {
        ThreadReference stopped = null;
        String reason = null;
        for (Event event : set) {
            if (event instanceof ClassPrepareEvent prepared) {
                synchronized (this) {
                    resolve(prepared.referenceType());
                }
            } else if (event instanceof StepEvent step && events != null) {
                if (!stepsOn(step.thread(), step.location())) {
                    stopped = step.thread();
                    reason = "step";
                }
            } else if (event instanceof BreakpointEvent hit && events != null
                    && cellLine(hit.location()).isPresent()) {
                stopped = hit.thread();
                reason = "breakpoint";
            }
        }
        Events listener = events;
        if (stopped == null || listener == null) {
            return false;
        }
        paused.put(stopped.uniqueID(), stopped);
        listener.stopped(stopped.uniqueID(), reason);
        return true;
    }

    /** Sets the breakpoints that fall in one wrapper class (a snippet's, or a class declared in one). */
    private void resolve(ReferenceType type) {
        if (session == null || breakpointLines.isEmpty() || !type.name().startsWith(WRAPPER_PREFIX)) {
            return;
        }
        List<Location> locations;
        try {
            locations = type.allLineLocations();
        } catch (AbsentInformationException | RuntimeException e) {
            return;
        }
        Map<String, Location> firstPerLine = new HashMap<>();
        for (Location at : locations) {
            cellLine(at).filter(c -> breakpointLines.getOrDefault(c.path(), Set.of()).contains(c.line()))
                    .ifPresent(c -> firstPerLine.merge(at.method().toString() + "\n" + c.path() + ":" + c.line(), at,
                            (a, b) -> a.codeIndex() <= b.codeIndex() ? a : b));
        }
        EventRequestManager requests = type.virtualMachine().eventRequestManager();
        for (Location at : firstPerLine.values()) {
            boolean already = breakpoints.stream().anyMatch(b -> b.location().equals(at));
            if (!already) {
                BreakpointRequest request = requests.createBreakpointRequest(at);
                request.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                request.putProperty(CellLine.class, cellLine(at).orElseThrow().path());
                request.enable();
                breakpoints.add(request);
            }
        }
    }

    private void deleteBreakpoints(String path) {
        List<BreakpointRequest> old = breakpoints.stream().filter(b -> path.equals(b.getProperty(CellLine.class)))
                .toList();
        try {
            session.vm().eventRequestManager().deleteEventRequests(old);
        } catch (VMDisconnectedException e) {
            // gone with the user VM
        }
        breakpoints.removeAll(old);
    }

    private static void deleteSteps(EventRequestManager requests, ThreadReference thread) {
        requests.deleteEventRequests(requests.stepRequests().stream().filter(s -> s.thread().equals(thread)).toList());
    }

    private static List<ReferenceType> wrapperClasses(VirtualMachine vm) {
        return vm.allClasses().stream().filter(t -> t.name().startsWith(WRAPPER_PREFIX)).toList();
    }

    /** A location of notebook code: the cell's path, the 1-based cell line, the callable's name. */
    private record CellLine(String path, int line, String name) {}

    private Optional<CellLine> cellLine(Location at) {
        UserVmSession s = session;
        Function<String, String> paths = cellPath;
        if (s == null || paths == null) {
            return Optional.empty();
        }
        return s.origins().translate(at.declaringType().name(), at.method().name(), at.lineNumber())
                .flatMap(frame -> s.origins().of(frame.getFileName().substring(1)).flatMap(origin -> {
                    String code = cellCode.get(origin.cell());
                    return code == null ? Optional.empty() : Optional.of(new CellLine(
                            cellPaths.computeIfAbsent(origin.cell(), serial -> paths.apply(code)),
                            origin.cellLine(frame.getLineNumber()),
                            UserFrames.callableName(frame.getClassName(), frame.getMethodName())));
                }));
    }

    private static boolean isInternal(String className) {
        return className.startsWith(WRAPPER_PREFIX) || STEP_EXCLUSIONS.stream()
                .anyMatch(p -> className.startsWith(p.substring(0, p.length() - 1)));
    }

    private List<Variable> locals(FrameRef ref) {
        List<Variable> result = new ArrayList<>();
        try {
            StackFrame frame = ref.thread().frame(ref.index());
            ObjectReference self = frame.thisObject();
            if (self != null) {
                result.add(variables.of("this", self));
            }
            try {
                for (LocalVariable local : frame.visibleVariables()) {
                    result.add(variables.of(local.name(), frame.getValue(local)));
                }
            } catch (AbsentInformationException e) {
                List<com.sun.jdi.Value> arguments = frame.getArgumentValues();
                for (int i = 0; i < arguments.size(); i++) {
                    result.add(variables.of("arg" + i, arguments.get(i)));
                }
            }
        } catch (IncompatibleThreadStateException e) {
            throw new IllegalStateException("the thread of this frame is not paused");
        }
        return result;
    }

    /**
     * The notebook's top-level variables: static fields of their snippets' wrapper classes, read through JDI
     * (JShell itself cannot be asked while a snippet runs). A redeclared variable shows its latest snippet's.
     */
    private List<Variable> notebookVariables(UserVmSession s) {
        record Declared(int snippet, ReferenceType type, com.sun.jdi.Field field) {}
        Map<String, Declared> latest = new java.util.TreeMap<>();
        for (ReferenceType type : wrapperClasses(s.vm())) {
            Optional<Integer> snippet = s.origins().snippetIdOf(type.name()).filter(id -> id.matches("\\d+"))
                    .map(Integer::valueOf);
            if (snippet.isEmpty()) {
                continue;
            }
            for (com.sun.jdi.Field field : type.fields()) {
                if (field.isStatic() && !field.isSynthetic() && !field.name().contains("$")) {
                    latest.merge(field.name(), new Declared(snippet.get(), type, field),
                            (a, b) -> a.snippet() >= b.snippet() ? a : b);
                }
            }
        }
        List<Variable> result = new ArrayList<>();
        latest.forEach((name, d) -> result.add(variables.of(name, d.type().getValue(d.field()))));
        return result;
    }

    private int frameId(ThreadReference thread, int index) {
        int id = nextFrameId.getAndIncrement();
        frames.put(id, new FrameRef(thread, index));
        return id;
    }

    private ThreadReference pausedThread(long threadId) {
        ThreadReference thread = paused.get(threadId);
        if (thread == null) {
            throw new IllegalArgumentException("thread " + threadId + " is not paused");
        }
        return thread;
    }

    private UserVmSession attachedSession() {
        UserVmSession s = session;
        if (s == null) {
            throw new IllegalStateException(events == null ? "the debugger is not attached"
                    : "the user VM is not running yet");
        }
        return s;
    }

    private void runOn(ThreadReference thread) {
        paused.remove(thread.uniqueID());
        if (paused.isEmpty()) {
            frames.clear();
            variables.clear();
        }
        try {
            thread.resume();
        } catch (VMDisconnectedException | com.sun.jdi.ObjectCollectedException e) {
            // gone with its VM or ended
        }
    }
}
