package jconcur.kernel.uservm;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * The execution engine inside the user VM: JShell's direct execution, with user code on a stoppable cell
 * thread (see {@link CellThread}), output framed per cell, and the last value kept for rich rendering.
 */
final class UserVmAgent extends DirectExecutionControl {

    private final OutputBatcher output;
    /** The value of the last invoke that asked to keep it, until the kernel renders it or the next invoke. */
    private Object keptValue;

    UserVmAgent(OutputBatcher output) {
        this.output = output;
    }

    private record Value(Object value, String text) {}

    @Override
    public String invoke(String className, String methodName)
            throws RunException, InternalException, EngineTerminationException {
        boolean keep = methodName.endsWith(Wire.KEEP_VALUE_SUFFIX);
        String name = keep ? methodName.substring(0, methodName.length() - Wire.KEEP_VALUE_SUFFIX.length()) : methodName;
        keptValue = null;
        Method doit;
        try {
            doit = findClass(className).getDeclaredMethod(name);
            doit.setAccessible(true);
        } catch (Throwable e) {
            throw new InternalException(e.toString());
        }
        Value value = runCell(() -> {
            Object v = doit.invoke(null);
            return new Value(v, valueString(v));
        });
        if (keep && Rendering.mayBeRich(value.value())) {
            keptValue = value.value();
            return Wire.RICH_MARKER + value.text();
        }
        return value.text();
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        Field field;
        try {
            field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
        } catch (Throwable e) {
            throw new InternalException(e.toString());
        }
        return runCell(() -> valueString(field.get(null)));
    }

    @Override
    public Object extensionCommand(String command, Object arg)
            throws RunException, EngineTerminationException, InternalException {
        if (!Wire.CMD_RENDER.equals(command)) {
            return super.extensionCommand(command, arg);
        }
        Object value = keptValue;
        keptValue = null;
        return runCell(() -> Rendering.rich(value).map(Rendering::toJson).orElse(null));
    }

    @Override
    public void stop() {
        // The kernel stops cells through JDI (see CellThread); nothing to do on the command channel.
    }

    private <T> T runCell(java.util.concurrent.Callable<T> body) throws RunException, InternalException {
        CellThread.Outcome<T> outcome;
        output.startCell();
        try {
            outcome = CellThread.run(body);
        } finally {
            output.endCell();
        }
        return switch (outcome) {
            case CellThread.Outcome.Returned<T> r -> r.value();
            case CellThread.Outcome.Stopped<T> s -> throw new StoppedException();
            case CellThread.Outcome.Threw<T> t -> {
                throwConvertedInvocationException(t.cause());
                throw new InternalException("unreachable");
            }
        };
    }
}
