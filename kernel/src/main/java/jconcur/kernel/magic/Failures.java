package jconcur.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import jconcur.kernel.engine.ExecuteOutcome;

/** Builds the error outcomes of magics: one error output with a short, readable traceback. */
final class Failures {

    private static final String RED = "\u001b[0;31m";
    private static final String RESET = "\u001b[0m";

    private Failures() {}

    static ExecuteOutcome.Failed failed(String ename, String evalue) {
        return failed(ename, evalue, List.of());
    }

    /** details are extra traceback lines shown under the message. */
    static ExecuteOutcome.Failed failed(String ename, String evalue, List<String> details) {
        List<String> traceback = new ArrayList<>();
        traceback.add(RED + ename + RESET + ": " + evalue);
        traceback.addAll(details);
        return new ExecuteOutcome.Failed(ename, evalue, List.copyOf(traceback));
    }

    static ExecuteOutcome.Failed usage(String message) {
        return failed("UsageError", message);
    }
}
