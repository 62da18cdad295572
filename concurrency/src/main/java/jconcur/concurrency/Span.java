package jconcur.concurrency;

import java.util.stream.LongStream;

/**
 * A half-open range of longs [from, to), e.g. one worker's share of the numbers to check
 * (see {@link Concurrency#ranges(long, long, int)}).
 *
 * @param from first value (inclusive)
 * @param to   end (exclusive)
 */
public record Span(long from, long to) {

    /** Checks that from &lt;= to. */
    public Span {
        if (to < from) {
            throw new IllegalArgumentException("a span needs from <= to, got [" + from + ", " + to + ")");
        }
    }

    /**
     * The number of values.
     *
     * @return to - from
     */
    public long size() {
        return to - from;
    }

    /**
     * The values as a stream.
     *
     * @return {@code LongStream.range(from, to)}
     */
    public LongStream stream() {
        return LongStream.range(from, to);
    }

    /** E.g. "[0, 500)". */
    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
