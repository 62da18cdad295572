package jconcur.kernel.uservm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import jconcur.display.MimeBundle;
import jconcur.kernel.link.SideMessage;

/**
 * Notebook output from user code, statically imported in every cell (IJava-compatible names).
 * Works from any thread, also after the cell that started the thread has ended (see {@link OutputCell} for the
 * cell it shows under).
 */
public final class Notebook {

    /**
     * The id the last display(...) returned. A cell ending in {@code display(x)} (no ';') would show it as its
     * value, which surprises: the kernel shows nothing for a cell value that is this very object.
     */
    private static volatile String lastDisplayId;

    private Notebook() {}

    /** Shows a value below the running cell (rendered like a cell result) and returns its display id. */
    public static String display(Object value) {
        return display(value, new String[0]);
    }

    /**
     * Shows a value restricted to the given MIME types (e.g. "text/html", "image/png"); returns its display id.
     * A string without a rich rendering is the content itself: {@code display("<b>hi</b>", "text/html")},
     * {@code display("# Title", "text/markdown")}, {@code display("$x^2$", "text/latex")}, an SVG document as
     * "image/svg+xml".
     */
    public static String display(Object value, String... mimeTypes) {
        String id = UUID.randomUUID().toString();
        send(render(value, mimeTypes), id, false);
        lastDisplayId = id;
        return id;
    }

    /** Whether value is the id the last display(...) returned (the very object, not an equal string). */
    static boolean isLastDisplayId(Object value) {
        return value != null && value == lastDisplayId;
    }

    /** Replaces what an earlier display(...) with this id shows, wherever it is in the notebook. */
    public static void updateDisplay(String id, Object value) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("updateDisplay needs the id that display(...) returned");
        }
        send(render(value), id, true);
    }

    /**
     * The MIME bundle a value shows as, optionally restricted to some MIME types; as a cell's last value it shows
     * as that bundle ({@code render("<b>hi</b>", "text/html")}). A string is taken as content as for display.
     */
    public static MimeBundle render(Object value, String... mimeTypes) {
        return Rendering.render(value, mimeTypes);
    }

    /** Clears the output of the running cell. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** Clears the output of the running cell; with wait, only when new output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        send(new SideMessage.ClearOutput(wait, OutputCell.origin()));
    }

    private static void send(MimeBundle bundle, String id, boolean update) {
        send(new SideMessage.Display(bundle, id, update, OutputCell.origin()));
    }

    private static void send(SideMessage.ToKernel message) {
        try {
            UserVm.send(message);
        } catch (IOException e) {
            throw new UncheckedIOException("the notebook is not reachable", e);
        }
    }
}
