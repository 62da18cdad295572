package jconcur.concurrency;

import java.util.Objects;

/**
 * The two checks notebooks use to prove their claims: a computed value equals the expected one, or a
 * condition holds. Each prints one "ok: ..." line when it passes and throws {@link AssertionError} (which
 * shows as the cell's error) when it does not, so a notebook run with an unexpected result fails.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Checks that {@code actual} equals {@code expected} ({@link Objects#equals}) and prints
     * "ok: what = actual".
     *
     * @param what     what was computed, e.g. "sum of 0..19"
     * @param expected the value it must have
     * @param actual   the value it has
     * @throws AssertionError "what: expected X but was Y" when they differ
     */
    public static void expect(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
        System.out.println("ok: " + what + " = " + actual);
    }

    /**
     * Checks that a claim holds and prints "ok: what".
     *
     * @param condition the claim, evaluated
     * @param what      the claim in words, e.g. "the locked counter lost no update"
     * @throws AssertionError "does not hold: what" when the condition is false
     */
    public static void require(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("does not hold: " + what);
        }
        System.out.println("ok: " + what);
    }
}
