package jconcur.kernel.magic;

import java.util.List;
import jconcur.kernel.engine.ExecuteOutcome;

/**
 * A magic: a line magic ({@code %name args}), a cell magic ({@code %%name args} + body) or both. Runs in the
 * kernel JVM; anything that touches the user's state goes through the wrapped engine as generated Java.
 */
interface Magic {

    String name();

    /** Other names that run this magic (IJava's spellings). */
    default List<String> aliases() {
        return List.of();
    }

    /** Most magics are line magics only. */
    default boolean isLine() {
        return true;
    }

    default boolean isCell() {
        return false;
    }

    /** One line per form, e.g. {@code %timeit [-n N] [-r R] STATEMENT}. */
    String usage();

    /** What it does, a few lines. */
    String help();

    default ExecuteOutcome line(String args, MagicContext context) throws MagicUsageException, MagicFailedException {
        throw new MagicUsageException("%" + name() + " is a cell magic: write %%" + name() + " on the first line of the cell");
    }

    default ExecuteOutcome cell(String args, String body, MagicContext context)
            throws MagicUsageException, MagicFailedException {
        throw new MagicUsageException("%%" + name() + " is not a cell magic; use %" + name() + " on a line");
    }
}
