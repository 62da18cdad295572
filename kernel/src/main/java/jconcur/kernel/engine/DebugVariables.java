package jconcur.kernel.engine;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.CharValue;
import com.sun.jdi.Field;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import java.util.ArrayList;
import jconcur.concurrency.names.WrapperNames;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import jconcur.kernel.engine.UserVmDebugger.Variable;

/**
 * Values of a paused user VM as debugger variables, read through JDI only: no method of the user VM is called
 * (toString could block on a monitor a paused thread holds). Children are fetched on demand through
 * variablesReference handles, valid until the threads run on ({@link #clear}).
 */
final class DebugVariables {

    /** Elements of an array shown; the rest are summarized. */
    private static final int ARRAY_ELEMENTS = 100;
    /** Boxes and atomics show their value field instead of an identity. */
    private static final List<String> VALUE_HOLDERS = List.of("java.lang.Integer", "java.lang.Long",
            "java.lang.Short", "java.lang.Byte", "java.lang.Double", "java.lang.Float", "java.lang.Boolean",
            "java.lang.Character", "java.util.concurrent.atomic.AtomicInteger",
            "java.util.concurrent.atomic.AtomicLong", "java.util.concurrent.atomic.AtomicBoolean");

    private final AtomicInteger next = new AtomicInteger(1);
    private final Map<Integer, Supplier<List<Variable>>> children = new ConcurrentHashMap<>();

    /** A handle the client passes back to get the variables supplier computes. */
    int handle(Supplier<List<Variable>> supplier) {
        int id = next.getAndIncrement();
        children.put(id, supplier);
        return id;
    }

    List<Variable> children(int handle) {
        Supplier<List<Variable>> supplier = children.get(handle);
        if (supplier == null) {
            throw new IllegalArgumentException("no variables with reference " + handle
                    + " (references end when the threads run on)");
        }
        return supplier.get();
    }

    void clear() {
        children.clear();
    }

    Variable of(String name, Value value) {
        if (value == null) {
            return new Variable(name, "null", "null", 0);
        }
        String type = WrapperNames.expunge(value.type().name());
        if (value instanceof CharValue c) {
            return new Variable(name, "'" + c.value() + "'", type, 0);
        }
        if (value instanceof PrimitiveValue) {
            return new Variable(name, value.toString(), type, 0);
        }
        if (value instanceof StringReference s) {
            return new Variable(name, quoted(s.value()), type, 0);
        }
        if (value instanceof ThreadReference t) {
            return new Variable(name, "Thread \"" + t.name() + "\"", type, handle(() -> fields(t)));
        }
        if (value instanceof ArrayReference array) {
            return new Variable(name, type.replaceFirst("\\[]", "[" + array.length() + "]"), type,
                    array.length() == 0 ? 0 : handle(() -> elements(array)));
        }
        ObjectReference object = (ObjectReference) value;
        if (VALUE_HOLDERS.contains(object.referenceType().name())) {
            Field field = object.referenceType().fieldByName("value");
            return new Variable(name, shortText(object.getValue(field)), type, 0);
        }
        return new Variable(name, type + "@" + object.uniqueID(), type, handle(() -> fields(object)));
    }

    private List<Variable> fields(ObjectReference object) {
        List<Variable> result = new ArrayList<>();
        for (Field field : object.referenceType().allFields()) {
            if (!field.isStatic() && !field.isSynthetic()) {
                result.add(of(field.name(), object.getValue(field)));
            }
        }
        return result;
    }

    private List<Variable> elements(ArrayReference array) {
        int shown = Math.min(array.length(), ARRAY_ELEMENTS);
        List<Variable> result = new ArrayList<>();
        List<Value> values = array.getValues(0, shown);
        for (int i = 0; i < shown; i++) {
            result.add(of("[" + i + "]", values.get(i)));
        }
        if (shown < array.length()) {
            result.add(new Variable("...", (array.length() - shown) + " more elements", "", 0));
        }
        return result;
    }

    private String shortText(Value value) {
        return of("", value).value();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
