package jconcur.kernel.uservm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import jconcur.kernel.link.SideMessage.InputReply;

/** System.in of the user VM: each time it runs dry, asks the front end for one line through the kernel. */
final class NotebookInput extends InputStream {

    private byte[] line = new byte[0];
    private int position;

    @Override
    public synchronized int read() throws IOException {
        return fill() ? line[position++] & 0xff : -1;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, line.length - position);
        System.arraycopy(line, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return line.length - position;
    }

    private boolean fill() throws IOException {
        if (position < line.length) {
            return true;
        }
        InputReply reply = UserVm.requestInput("", false);
        if (reply.error().isPresent()) {
            // Unchecked: Scanner would swallow an IOException and only say "No line found".
            throw new UncheckedIOException(new IOException(reply.error().get()));
        }
        if (reply.line().isEmpty()) {
            return false;
        }
        line = (reply.line().get() + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }
}
