package jconcur.concurrency;

import java.util.Optional;

/**
 * How a sweep or comparison checks each result against the reference (sequential) result.
 * Pick one of the constants or write your own: return the difference, or empty when the results agree.
 */
@FunctionalInterface
public interface ResultCheck {

    /** Equal, deeply: lists and arrays element by element, maps by key, nested structures recursively. */
    ResultCheck EQUAL = Differences::first;

    /**
     * Same elements with the same counts in any order (for results gathered as tasks complete, like
     * Python's {@code as_completed}); other values are compared with {@link #EQUAL}.
     */
    ResultCheck IGNORE_ORDER = Differences::firstIgnoringOrder;

    /** No check (for tasks whose result legitimately varies, e.g. a timing or a racy counter). */
    ResultCheck NONE = (expected, actual) -> Optional.empty();

    /**
     * Compares a result with the reference.
     *
     * @param expected the reference result (from the sequential run)
     * @param actual   the result to check
     * @return empty when they agree; otherwise a description of the first difference
     */
    Optional<String> difference(Object expected, Object actual);
}
