package jconcur.kernel.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jconcur.kernel.link.Handshake;

/**
 * Reads what the user VM process writes to its own stdout/stderr file descriptors (JVM warnings, crash
 * messages, native code; Java's System.out/err go through the notebook channel instead), keeps the last lines
 * for reports on a dead VM, and passes the text written after the VM's main started ({@link Wire#MAIN_STARTED})
 * on to a sink once one is set. What the JVM says before main (JAVA_TOOL_OPTIONS notices, start-up warnings) is
 * kept for the reports only, however late this reader gets to it.
 */
final class ProcessOutputTail {

    private final LineTail tail = new LineTail(20);
    private final Utf8Decoder decoder = new Utf8Decoder();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Consumer<String> sink = text -> { };
    /** The end of the text read before main started, which may hold the start of the marker; reader thread only. */
    private String carry = "";
    private boolean mainStarted;

    ProcessOutputTail(InputStream processOutput) {
        Thread reader = new Thread(() -> readLoop(processOutput), "jconcur-user-vm-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    void sink(Consumer<String> textSink) {
        this.sink = textSink;
    }

    LineTail tail() {
        return tail;
    }

    /** Waits up to waitMs for the process's output to end (a dying VM's last words). */
    void awaitEnd(long waitMs) {
        try {
            ended.await(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                accept(decoder.decode(java.util.Arrays.copyOf(buffer, n)));
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            tail.append(carry); // the last words of a VM that died before its main
            ended.countDown();
        }
    }

    private void accept(String text) {
        if (mainStarted) {
            tail.append(text);
            sink.accept(text);
            return;
        }
        String seen = carry + text;
        int marker = seen.indexOf(Handshake.MAIN_STARTED);
        if (marker < 0) {
            int kept = Math.min(seen.length(), Handshake.MAIN_STARTED.length() - 1);
            tail.append(seen.substring(0, seen.length() - kept));
            carry = seen.substring(seen.length() - kept);
            return;
        }
        mainStarted = true;
        carry = "";
        tail.append(seen.substring(0, marker));
        String afterMain = seen.substring(marker + Handshake.MAIN_STARTED.length());
        if (!afterMain.isEmpty()) {
            tail.append(afterMain);
            sink.accept(afterMain);
        }
    }
}
