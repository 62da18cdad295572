package jconcur.kernel.uservm;

import java.util.Map;
import jconcur.concurrency.Progress;
import jconcur.display.MimeBundle;

/** Shows the helpers' progress (sweeps, comparisons) as one live line under the running cell. */
final class ProgressLine implements Progress.Reporter {

    private String displayId;

    @Override
    public synchronized void update(String line) {
        if (displayId == null) {
            displayId = Notebook.display(line);
        } else {
            Notebook.updateDisplay(displayId, line);
        }
    }

    @Override
    public synchronized void done() {
        if (displayId != null) {
            // The line disappears once the work is done; the result shows what was measured.
            Notebook.updateDisplay(displayId, new MimeBundle(Map.of("text/plain", "", "text/html", ""), Map.of()));
            displayId = null;
        }
    }
}
