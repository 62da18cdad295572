package jconcur.kernel.uservm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import jconcur.kernel.link.Frame;
import jconcur.kernel.link.OutputChunk;
import jconcur.kernel.link.OutputOrigin;
import jconcur.kernel.link.SideMessage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Collects what every thread of the user VM prints and sends it to the kernel in frames: at most every
 * {@value #FLUSH_DELAY_MS} ms, when {@value #FLUSH_BYTES} bytes are pending, and when a cell ends, never one
 * message per println. Output while one cell runs beyond the limit is counted, dropped, and reported in a note.
 * Keeps the order of stdout and stderr writes; each frame holds the writes of one thread, tagged with the cell it
 * prints for ({@link OutputCell}). Writers block while the kernel is slow to read (back pressure).
 */
final class OutputBatcher {

    static final int FLUSH_DELAY_MS = 50;
    static final int FLUSH_BYTES = 8192;
    /** Between cells, drops are reported at most this often. */
    private static final long IDLE_NOTE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final long cellLimit;
    private final SideChannel channel;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jconcur-output-flusher");
        t.setDaemon(true);
        return t;
    });

    /** Frames not yet sent, already encoded as [kind][length][bytes]. */
    private final ByteArrayOutputStream frames = new ByteArrayOutputStream();
    /** The open frame: its kind, origin and bytes. */
    private byte openKind;
    private int openCell;
    private String openThread;
    private final ByteArrayOutputStream open = new ByteArrayOutputStream();
    private int pendingFrames;
    private boolean flushScheduled;
    private boolean cellRunning;
    /** The cell running now (or that ran last): the note on dropped output goes to it. */
    private int runningCell = OutputOrigin.NO_CELL;
    private long cellBytes;
    private long dropped;
    private long lastIdleNote;

    OutputBatcher(SideChannel channel, long cellLimit) {
        this.channel = channel;
        this.cellLimit = cellLimit;
    }

    /** A stream for System.out (Frame.STDOUT) or System.err (Frame.STDERR). */
    OutputStream stream(byte kind) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                OutputBatcher.this.write(kind, new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                OutputBatcher.this.write(kind, b, off, len);
            }
            // flush() stays a no-op: println must not cost a message; the timer and cell end flush.
        };
    }

    void write(byte kind, byte[] b, int off, int len) {
        write(kind, OutputCell.current(), OutputCell.threadName(), b, off, len);
    }

    private synchronized void write(byte kind, int cell, String thread, byte[] b, int off, int len) {
        long room = cellLimit - cellBytes;
        int take = (int) Math.max(0, Math.min(len, room));
        dropped += len - take;
        cellBytes += take;
        // Appends in slices so that one huge write never sits in memory twice.
        for (int done = 0; done < take; ) {
            int slice = Math.min(take - done, FLUSH_BYTES);
            append(kind, cell, thread, b, off + done, slice);
            done += slice;
            if (open.size() + frames.size() >= FLUSH_BYTES) {
                flushLocked();
            }
        }
        if (take > 0 || !cellRunning) {
            scheduleFlush();
        }
    }

    /** Starts the byte count of a new cell; everything printed before is sent first. */
    synchronized void startCell(int cell) {
        flushLocked();
        reportDropped();
        cellRunning = true;
        runningCell = cell;
        cellBytes = 0;
    }

    /** Sends everything the cell printed, plus the note about dropped output, before the cell's result. */
    synchronized void endCell() {
        reportDropped();
        cellRunning = false;
        flushLocked();
    }

    /** Sends pending output. */
    synchronized void flush() {
        if (!cellRunning && dropped > 0 && System.nanoTime() - lastIdleNote > IDLE_NOTE_INTERVAL_NANOS) {
            reportDropped();
            lastIdleNote = System.nanoTime();
        }
        flushLocked();
    }

    /** Side-channel frames sent so far, output included (the kernel delivers them before a cell's result). */
    long framesSent() {
        return channel.framesSent();
    }

    /** Sends a message after everything printed before it, with no output from other threads in between. */
    synchronized void flushAndSend(SideMessage.ToKernel message) throws IOException {
        flushLocked();
        channel.send(message);
    }

    private void reportDropped() {
        if (dropped > 0) {
            String note = "\n[jconcur] output limit of " + bytes(cellLimit) + " per cell reached: " + bytes(dropped)
                    + " more " + (cellRunning ? "were" : "(printed after the cell ended) were") + " dropped."
                    + " Set JCONCUR_OUTPUT_LIMIT to change the limit.\n";
            byte[] text = note.getBytes(StandardCharsets.UTF_8);
            append(Frame.STDERR, runningCell, "jconcur", text, 0, text.length);
            dropped = 0;
        }
    }

    private void append(byte kind, int cell, String thread, byte[] b, int off, int len) {
        if (open.size() > 0 && (openKind != kind || openCell != cell || !openThread.equals(thread))) {
            closeOpenFrame();
        }
        openKind = kind;
        openCell = cell;
        openThread = thread;
        open.write(b, off, len);
    }

    private void closeOpenFrame() {
        OutputChunk.append(frames, openKind, new OutputOrigin(openCell, openThread), open.toByteArray(), 0, open.size());
        open.reset();
        pendingFrames++;
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            timer.schedule(this::flush, FLUSH_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void flushLocked() {
        flushScheduled = false;
        if (open.size() > 0) {
            closeOpenFrame();
        }
        if (frames.size() == 0) {
            return;
        }
        try {
            channel.writeFrames(frames.toByteArray(), 0, frames.size(), pendingFrames);
        } catch (IOException e) {
            // The kernel is gone; the side channel's reader ends this VM.
        } finally {
            pendingFrames = 0;
            frames.reset();
        }
    }

    static String bytes(long n) {
        if (n >= 1 << 20) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", n / (double) (1 << 20));
        }
        if (n >= 1 << 10) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", n / (double) (1 << 10));
        }
        return n + " bytes";
    }
}
