package jconcur.display;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a notebook shows for one value: MIME type -> content, plus Jupyter display metadata.
 * Text types (text/plain, text/html, image/svg+xml) hold a String; binary types (image/png) hold
 * their base64 text, as the Jupyter protocol carries them.
 */
public record MimeBundle(Map<String, Object> data, Map<String, Object> metadata) {

    public MimeBundle {
        Objects.requireNonNull(data, "data");
        data = Map.copyOf(new LinkedHashMap<>(data));
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static MimeBundle text(String plain) {
        return new MimeBundle(Map.of("text/plain", plain), Map.of());
    }
}
