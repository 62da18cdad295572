package jconcur.kernel.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import jdk.jshell.spi.ExecutionControl;

/**
 * What JShell gets while the user VM is still starting: class path additions are kept until it is there,
 * everything else waits for it. So JShell can compile the preloaded imports while the user VM boots.
 */
final class PendingExecutionControl implements ExecutionControl {

    private final CompletableFuture<UserVmExecutionControl> ready;
    private final List<String> queuedClassPath = new ArrayList<>();
    private boolean drained;

    PendingExecutionControl(CompletableFuture<UserVmExecutionControl> ready) {
        this.ready = ready;
    }

    private synchronized ExecutionControl real() throws EngineTerminationException, InternalException {
        UserVmExecutionControl control;
        try {
            control = ready.join();
        } catch (CompletionException e) {
            throw new EngineTerminationException("the user VM did not start: "
                    + (e.getCause() == null ? e : e.getCause()).getMessage());
        }
        if (!drained) {
            drained = true;
            for (String path : queuedClassPath) {
                control.addToClasspath(path);
            }
            queuedClassPath.clear();
        }
        return control;
    }

    @Override
    public void addToClasspath(String path) throws EngineTerminationException, InternalException {
        synchronized (this) {
            if (!drained && !ready.isDone()) {
                queuedClassPath.add(path);
                return;
            }
        }
        real().addToClasspath(path);
    }

    @Override
    public void load(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        try {
            real().load(cbcs);
        } catch (InternalException e) {
            throw new EngineTerminationException(e.getMessage());
        }
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        try {
            real().redefine(cbcs);
        } catch (InternalException e) {
            throw new EngineTerminationException(e.getMessage());
        }
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        return real().invoke(className, methodName);
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        return real().varValue(className, varName);
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        if (ready.isDone()) {
            real().stop();
        }
    }

    @Override
    public Object extensionCommand(String command, Object arg)
            throws RunException, EngineTerminationException, InternalException {
        return real().extensionCommand(command, arg);
    }

    @Override
    public void close() {
        ready.thenAccept(UserVmExecutionControl::close);
    }
}
