package jconcur.kernel.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads what the user VM process writes to its own stdout/stderr file descriptors (JVM warnings, crash
 * messages, native code; Java's System.out/err go through the notebook channel instead), keeps the last lines
 * for reports on a dead VM, and passes the text on to a sink once one is set.
 */
final class ProcessOutputTail {

    private final LineTail tail = new LineTail(20);
    private final Utf8Decoder decoder = new Utf8Decoder();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Consumer<String> sink = text -> { };

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
                String text = decoder.decode(java.util.Arrays.copyOf(buffer, n));
                tail.append(text);
                sink.accept(text);
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            ended.countDown();
        }
    }
}
