package jconcur.display;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a notebook shows for one value: MIME type -> content, plus Jupyter display metadata.
 * Text types (text/plain, text/html, image/svg+xml) hold a String; binary types (image/png) hold
 * their base64 text, as the Jupyter protocol carries them.
 *
 * @param data     MIME type -> content, e.g. "text/plain" -> "42", "image/png" -> base64 text
 * @param metadata Jupyter display metadata, e.g. "image/png" -> {width: 720, height: 400} (may be null)
 */
public record MimeBundle(Map<String, Object> data, Map<String, Object> metadata) {

    /** Copies both maps (the bundle is immutable); null metadata becomes empty. */
    public MimeBundle {
        Objects.requireNonNull(data, "data");
        data = Map.copyOf(new LinkedHashMap<>(data));
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * A bundle with only text/plain.
     *
     * @param plain the text
     * @return the bundle
     */
    public static MimeBundle text(String plain) {
        return new MimeBundle(Map.of("text/plain", plain), Map.of());
    }
}
