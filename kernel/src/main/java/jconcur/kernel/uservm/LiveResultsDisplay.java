package jconcur.kernel.uservm;

import java.util.Map;
import jconcur.concurrency.LiveResults;
import jconcur.display.MimeBundle;

/**
 * Shows the partial figures of a running sweep or comparison (table and charts) in one display under the
 * running cell, updated in place. When the run ends the display is emptied: the cell then shows the final
 * result as it always did, so the saved notebook does not hold the same charts twice.
 */
final class LiveResultsDisplay implements LiveResults.Viewer {

    private static final MimeBundle EMPTY = new MimeBundle(Map.of("text/plain", ""), Map.of());

    private String displayId;

    @Override
    public synchronized void show(Object partial) {
        if (displayId == null) {
            displayId = Notebook.display(partial);
        } else {
            Notebook.updateDisplay(displayId, partial);
        }
    }

    @Override
    public synchronized void done() {
        if (displayId != null) {
            Notebook.updateDisplay(displayId, EMPTY);
            displayId = null;
        }
    }
}
