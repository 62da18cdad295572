package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jconcur.kernel.wire.MessageCodec;

/**
 * kernel_info_reply: answered at once from static facts, never waiting for the user VM. The Java version is
 * the kernel JVM's; the user VM is launched by the same java.
 */
public final class KernelInfo implements Dispatcher.Handler {

    public static final String IMPLEMENTATION = "jconcur";

    private final ObjectNode content;

    public KernelInfo(ObjectMapper json) {
        content = json.createObjectNode();
        content.put("status", "ok");
        content.put("protocol_version", MessageCodec.PROTOCOL_VERSION);
        content.put("implementation", IMPLEMENTATION);
        content.put("implementation_version", version());
        ObjectNode language = content.putObject("language_info");
        language.put("name", "java");
        language.put("version", System.getProperty("java.version"));
        language.put("mimetype", "text/x-java");
        language.put("file_extension", ".jshell");
        language.put("pygments_lexer", "java");
        // JupyterLab 4 and Notebook 7 look codemirror_mode up by language name, then by MIME type; text/x-java is
        // the MIME type of their (CodeMirror 6) Java language. An unknown value would fall back to plain text:
        // the browser test (JupyterBrowserIT) checks that code cells are highlighted as Java in both.
        language.put("codemirror_mode", "text/x-java");
        language.put("nbconvert_exporter", "script");
        content.put("banner", "jconcur " + version() + ": Java " + Runtime.version().feature()
                + " (JShell) with concurrency helpers and XChart preloaded.\n"
                + "Type name? for documentation; Tab completes.");
        ArrayNode links = content.putArray("help_links");
        int feature = Runtime.version().feature();
        link(links, "Java " + feature + " API", "https://docs.oracle.com/en/java/javase/" + feature + "/docs/api/");
        link(links, "JShell guide", "https://docs.oracle.com/en/java/javase/" + feature + "/jshell/");
        link(links, "java.util.concurrent", "https://docs.oracle.com/en/java/javase/" + feature
                + "/docs/api/java.base/java/util/concurrent/package-summary.html");
        link(links, "XChart", "https://knowm.org/open-source/xchart/");
        // The Jupyter debug protocol over control and IOPub (debug_request on control, see DebugRequestHandler).
        content.put("debugger", true);
        content.putArray("supported_features").add("debugger");
    }

    /** The kernel's version from the jar manifest; "dev" when running from classes. */
    public static String version() {
        String version = KernelInfo.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public void handle(Request request) {
        request.reply(content);
    }

    private static void link(ArrayNode links, String text, String url) {
        links.addObject().put("text", text).put("url", url);
    }
}
