package jconcur.kernel.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A Jupyter connection file: where the five channels listen and how messages are signed.
 * Only tcp is supported: JeroMQ's ipc transport is not compatible with libzmq's.
 */
public record ConnectionInfo(String ip, int shellPort, int iopubPort, int stdinPort, int controlPort,
                             int hbPort, String key, String signatureScheme) {

    public ConnectionInfo {
        if (ip == null || ip.isBlank()) {
            throw new ConnectionFileException("ip is empty");
        }
        checkPort("shell_port", shellPort);
        checkPort("iopub_port", iopubPort);
        checkPort("stdin_port", stdinPort);
        checkPort("control_port", controlPort);
        checkPort("hb_port", hbPort);
        key = key == null ? "" : key;
        signatureScheme = signatureScheme == null || signatureScheme.isEmpty() ? "hmac-sha256" : signatureScheme;
        Signer.macAlgorithm(signatureScheme); // rejects unsupported schemes now, not at the first message
    }

    /** Connection for a kernel on 127.0.0.1 with five free ports and HMAC-SHA256 signing with key. */
    public static ConnectionInfo onFreeLoopbackPorts(String key) {
        return new ConnectionInfo("127.0.0.1", freePort(), freePort(), freePort(), freePort(), freePort(), key,
                "hmac-sha256");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on loopback: " + e.getMessage(), e);
        }
    }

    public static ConnectionInfo read(Path file) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConnectionFileException("connection file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConnectionFileException("cannot read connection file " + file + ": " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new ConnectionFileException("connection file " + file + " does not hold a JSON object");
        }
        String transport = text(json, "transport", "tcp");
        if (!transport.equals("tcp")) {
            throw new ConnectionFileException("transport '" + transport + "' is not supported (only tcp)");
        }
        return new ConnectionInfo(text(json, "ip", "127.0.0.1"), port(json, "shell_port"),
                port(json, "iopub_port"), port(json, "stdin_port"), port(json, "control_port"),
                port(json, "hb_port"), text(json, "key", ""), text(json, "signature_scheme", "hmac-sha256"));
    }

    /** The ZeroMQ endpoint to bind for a port; IPv6 literals get brackets. */
    public String endpoint(int port) {
        String host = ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip;
        return "tcp://" + host + ":" + port;
    }

    public boolean ipv6() {
        return ip.contains(":");
    }

    public Signer signer() {
        return new Signer(signatureScheme, key);
    }

    private static String text(JsonNode json, String field, String fallback) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw new ConnectionFileException(field + " must be a string, got " + node);
        }
        return node.asText();
    }

    private static int port(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new ConnectionFileException(field + " is missing or not an integer: " + node);
        }
        return node.asInt();
    }

    private static void checkPort(String field, int port) {
        if (port < 1 || port > 65535) {
            throw new ConnectionFileException(field + " must be a port in 1..65535, got " + port);
        }
    }

    /** A connection file that cannot be used, with the reason. */
    public static final class ConnectionFileException extends RuntimeException {
        public ConnectionFileException(String message) {
            super(message);
        }
    }
}
