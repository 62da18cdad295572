package jconcur.kernel.magic;

import java.util.List;
import java.util.Optional;

/**
 * A cell split into its leading magics and its Java code. With a cell magic, body is everything after its
 * first line; otherwise body is the code after the leading line magics. bodyOffset is where body starts in
 * the cell text, so that cursor positions can be mapped for completion and inspection.
 */
record ParsedCell(List<MagicCall> lineMagics, Optional<MagicCall> cellMagic, String body, int bodyOffset) {

    boolean hasMagics() {
        return cellMagic.isPresent() || !lineMagics.isEmpty();
    }
}
