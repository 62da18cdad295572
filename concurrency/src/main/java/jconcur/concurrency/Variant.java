package jconcur.concurrency;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A named way of computing the same result, for {@link Concurrency#compare(Variant...)}.
 *
 * @param name e.g. "virtual threads"
 * @param task computes the result (the first variant's result is the reference for all others)
 * @param <T>  the result type
 */
public record Variant<T>(String name, Callable<T> task) {

    /** Checks that both parts are present. */
    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
    }
}
