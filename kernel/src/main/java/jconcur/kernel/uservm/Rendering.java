package jconcur.kernel.uservm;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jconcur.charts.Renderers;
import jconcur.display.MimeBundle;
import jconcur.kernel.link.SideMessageCodec;

/** How values look in the notebook: the charts module's renderers first, then plain text. */
final class Rendering {

    /**
     * Largest display or rich result sent to the notebook: a front end cannot show more, and the kernel (and
     * Jupyter) would hold it in memory several times.
     */
    static final int MAX_BUNDLE = 32 << 20;

    private Rendering() {}

    /** The rich rendering of a value (chart, table, image, Renderable), if it has one. */
    static Optional<MimeBundle> rich(Object value) {
        if (value instanceof MimeBundle bundle) {
            return Optional.of(bundle);
        }
        return Renderers.render(value);
    }

    /** Whether a value might have a rich rendering: anything but JDK values that only print as text. */
    static boolean mayBeRich(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof java.awt.image.RenderedImage) {
            return true;
        }
        ClassLoader loader = value.getClass().getClassLoader();
        return loader != null && loader != ClassLoader.getPlatformClassLoader();
    }

    /** What display(value, mimeTypes) shows: the rich rendering or the text, restricted to mimeTypes if given. */
    static MimeBundle render(Object value, String... mimeTypes) {
        Optional<MimeBundle> rich = rich(value);
        if (mimeTypes == null || mimeTypes.length == 0) {
            return rich.orElseGet(() -> MimeBundle.text(text(value)));
        }
        if (rich.isEmpty() && value instanceof CharSequence content) {
            return asContent(content.toString(), mimeTypes);
        }
        MimeBundle bundle = rich.orElseGet(() -> MimeBundle.text(text(value)));
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (String mime : mimeTypes) {
            Object content = bundle.data().get(mime);
            if (content != null) {
                chosen.put(mime, content);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no rendering of " + typeName(value) + " as " + Arrays.toString(mimeTypes)
                    + "; it renders as " + bundle.data().keySet());
        }
        return new MimeBundle(chosen, bundle.metadata());
    }

    /**
     * A string shown as each of the given MIME types (HTML, Markdown, LaTeX, an SVG document, ...), with itself as
     * text/plain for front ends that show none of them.
     */
    private static MimeBundle asContent(String content, String... mimeTypes) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (String mime : mimeTypes) {
            if (mime == null || !mime.matches("[\\w.+-]+/[\\w.+-]+")) {
                throw new IllegalArgumentException("not a MIME type: " + mime + " (e.g. \"text/html\", \"text/markdown\")");
            }
            data.put(mime, content);
        }
        data.putIfAbsent("text/plain", content);
        return new MimeBundle(data, Map.of());
    }

    /** Plain text of a value as display() shows it: strings as they are, arrays by their elements. */
    static String text(Object value) {
        return switch (value) {
            case null -> "null";
            case Object[] a -> Arrays.deepToString(a);
            case int[] a -> Arrays.toString(a);
            case long[] a -> Arrays.toString(a);
            case double[] a -> Arrays.toString(a);
            case float[] a -> Arrays.toString(a);
            case char[] a -> Arrays.toString(a);
            case byte[] a -> Arrays.toString(a);
            case short[] a -> Arrays.toString(a);
            case boolean[] a -> Arrays.toString(a);
            default -> value.toString();
        };
    }

    static String toJson(MimeBundle bundle) {
        String json = SideMessageCodec.bundleJson(bundle);
        checkSize(json.length());
        return json;
    }

    /** Refuses a rendering the notebook cannot take (see {@link #MAX_BUNDLE}). */
    static void checkSize(long jsonLength) {
        if (jsonLength > MAX_BUNDLE) {
            throw new IllegalArgumentException("this rendering is " + OutputBatcher.bytes(jsonLength)
                    + "; a notebook output takes at most " + OutputBatcher.bytes(MAX_BUNDLE));
        }
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
