package jconcur.kernel.magic;

import jconcur.kernel.engine.ExecuteOutcome;

/** A magic could not finish; the outcome is what the cell reports. */
final class MagicFailedException extends Exception {

    private final transient ExecuteOutcome.Failed outcome;

    MagicFailedException(ExecuteOutcome.Failed outcome) {
        super(outcome.ename() + ": " + outcome.evalue(), null, false, false);
        this.outcome = outcome;
    }

    MagicFailedException(String ename, String evalue) {
        this(Failures.failed(ename, evalue));
    }

    ExecuteOutcome.Failed outcome() {
        return outcome;
    }
}
