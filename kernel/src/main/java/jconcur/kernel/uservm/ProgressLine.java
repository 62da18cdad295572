package jconcur.kernel.uservm;

import jconcur.concurrency.Progress;

/** Shows the helpers' progress (sweeps, comparisons) as one live line under the running cell. */
final class ProgressLine implements Progress.Reporter {

    private String displayId;
    private long startedNanos;

    @Override
    public synchronized void update(String line) {
        if (displayId == null) {
            startedNanos = System.nanoTime();
            displayId = Notebook.display(line);
        } else {
            Notebook.updateDisplay(displayId, line);
        }
    }

    @Override
    public synchronized void done() {
        if (displayId != null) {
            // A display cannot be removed; a saved notebook keeps this short line instead of an empty output.
            Notebook.updateDisplay(displayId, String.format("done in %.1f s", (System.nanoTime() - startedNanos) / 1e9));
            displayId = null;
        }
    }
}
