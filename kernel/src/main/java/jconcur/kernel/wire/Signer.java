package jconcur.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies Jupyter messages: hex HMAC over the header, parent header, metadata and content frames.
 * An empty key means the connection is unsigned (signatures are empty and not checked), as in jupyter_client.
 * Thread-safe: each thread gets its own Mac.
 */
public final class Signer {

    private static final Map<String, String> SCHEMES = Map.of(
            "hmac-sha256", "HmacSHA256",
            "hmac-sha384", "HmacSHA384",
            "hmac-sha512", "HmacSHA512");
    private static final HexFormat HEX = HexFormat.of();

    private final ThreadLocal<Mac> mac;
    private final boolean enabled;

    public Signer(String scheme, String key) {
        String algorithm = macAlgorithm(scheme);
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        this.enabled = keyBytes.length > 0;
        this.mac = ThreadLocal.withInitial(() -> newMac(algorithm, keyBytes));
        if (enabled) {
            mac.get(); // fail now if the JDK lacks the algorithm
        }
    }

    static String macAlgorithm(String scheme) {
        String algorithm = SCHEMES.get(scheme.toLowerCase(Locale.ROOT));
        if (algorithm == null) {
            throw new ConnectionInfo.ConnectionFileException("signature_scheme '" + scheme
                    + "' is not supported (use one of " + String.join(", ", SCHEMES.keySet().stream().sorted().toList()) + ")");
        }
        return algorithm;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The hex signature of the given frames, or "" when signing is off. */
    public String sign(byte[]... parts) {
        if (!enabled) {
            return "";
        }
        Mac m = mac.get();
        for (byte[] part : parts) {
            m.update(part);
        }
        return HEX.formatHex(m.doFinal());
    }

    /** Constant-time check of a received signature (in any hex case). */
    public boolean verify(String signature, byte[]... parts) {
        if (!enabled) {
            return true;
        }
        byte[] expected = sign(parts).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private static Mac newMac(String algorithm, byte[] key) {
        try {
            Mac m = Mac.getInstance(algorithm);
            m.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot compute " + algorithm, e);
        }
    }
}
