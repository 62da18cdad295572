package jconcur.kernel.engine;

import java.util.List;
import java.util.Optional;
import jconcur.display.MimeBundle;

/** How a cell ended. */
public sealed interface ExecuteOutcome {

    /** The cell ran; result is the rendered last value, if the cell ends in an expression with a value. */
    record Ok(Optional<MimeBundle> result) implements ExecuteOutcome {}

    /** Compile error, exception, interrupt, or a user VM that died; traceback lines may hold ANSI colours. */
    record Failed(String ename, String evalue, List<String> traceback) implements ExecuteOutcome {}
}
