package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jconcur.kernel.log.Log;

/**
 * The executed cells of this and earlier kernel sessions, kept in a JSON-lines file shared by all jconcur
 * kernels of a user: one {@code {"session":s,"line":n,"input":...,"output":...}} object per stored cell and one
 * {@code {"session":s,"start":...}} marker per session. Several kernels may append at once: every read and
 * append holds an OS file lock. If the file cannot be used, history still works for this session, in memory.
 * All work happens in order on one thread of its own: recording a cell never delays the cell's reply or idle
 * status, the file is read in the background at start, and a query sees every cell recorded before it.
 */
public final class HistoryStore implements AutoCloseable {

    /** Longest result text stored with a cell; longer ones are cut (history is for finding code, not data). */
    static final int MAX_OUTPUT_CHARS = 10_000;

    private final ObjectMapper json = new ObjectMapper();
    private final Path file;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jconcur-history");
        thread.setDaemon(true);
        return thread;
    });
    // Confined to the worker thread.
    private final List<HistoryEntry> entries = new ArrayList<>();
    private FileChannel channel;
    private int session = 1;

    private HistoryStore(Path file) {
        this.file = file;
        if (file != null) {
            worker.execute(this::load);
        }
    }

    /** History persisted in the given file (created with its directories if missing). */
    public static HistoryStore open(Path file) {
        return new HistoryStore(file);
    }

    /** History of this session only, never written anywhere. */
    public static HistoryStore inMemory() {
        return new HistoryStore(null);
    }

    /** This kernel's session number: one more than the highest in the file when the kernel started. */
    public int session() {
        return query(() -> session);
    }

    /** Records an executed cell of this session; returns at once. */
    public void add(int line, String input, String output) {
        String storedOutput = output != null && output.length() > MAX_OUTPUT_CHARS
                ? output.substring(0, MAX_OUTPUT_CHARS) : output;
        worker.execute(() -> {
            HistoryEntry entry = new HistoryEntry(session, line, input, storedOutput);
            entries.add(entry);
            ObjectNode record = json.createObjectNode();
            record.put("session", entry.session());
            record.put("line", entry.line());
            record.put("input", entry.input());
            record.put("output", entry.output());
            append(record);
        });
    }

    /** The last n cells over all sessions, oldest first. */
    public List<HistoryEntry> tail(int n) {
        return query(() -> List.copyOf(entries.subList(Math.max(0, entries.size() - Math.max(0, n)), entries.size())));
    }

    /**
     * Cells of one session with start <= line < stop (stop <= 0 means no upper bound).
     * session > 0 is a session number; 0 is this session, -1 the one before, and so on (as in IPython).
     */
    public List<HistoryEntry> range(int session, int start, int stop) {
        return query(() -> {
            int wanted = session > 0 ? session : this.session + session;
            return entries.stream()
                    .filter(e -> e.session() == wanted && e.line() >= start && (stop <= 0 || e.line() < stop))
                    .toList();
        });
    }

    /**
     * Cells whose source matches a glob pattern, oldest first; at most the last n when n > 0;
     * with unique, each distinct source once (its latest run).
     */
    public List<HistoryEntry> search(String pattern, int n, boolean unique) {
        GlobPattern glob = new GlobPattern(pattern);
        List<HistoryEntry> matches = query(() -> entries.stream().filter(e -> glob.matches(e.input())).toList());
        if (unique) {
            Map<String, HistoryEntry> latest = new LinkedHashMap<>();
            for (HistoryEntry entry : matches) {
                latest.remove(entry.input()); // re-insert so that order follows the latest run
                latest.put(entry.input(), entry);
            }
            matches = List.copyOf(latest.values());
        }
        return n > 0 && matches.size() > n ? matches.subList(matches.size() - n, matches.size()) : matches;
    }

    /** Writes what is still queued, then closes the file. */
    @Override
    public void close() {
        if (worker.isShutdown()) {
            return;
        }
        query(() -> {
            closeQuietly();
            return null;
        });
        worker.shutdown();
    }

    private <T> T query(Callable<T> work) {
        try {
            return worker.submit(work).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("history: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("history: interrupted", e);
        }
    }

    /** Reads the file and claims the next session number, both under the file lock. */
    private void load() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try (FileLock ignored = channel.lock()) {
                int highest = readAll();
                session = highest + 1;
                ObjectNode marker = json.createObjectNode();
                marker.put("session", session);
                marker.put("start", Instant.now().toString());
                writeAtEnd(marker);
            }
        } catch (IOException | RuntimeException e) {
            Log.warn("history: cannot use %s (%s); this session's history is kept in memory only", file, e);
            closeQuietly();
            entries.clear();
            session = 1;
        }
    }

    /** Loads every cell record; returns the highest session number seen (0 for an empty file). */
    private int readAll() throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("history file is too large (" + size + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, buffer.position()) < 0) {
                break;
            }
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        int highest = 0;
        int skipped = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode record = json.readTree(line);
                int recordSession = record.path("session").asInt(0);
                highest = Math.max(highest, recordSession);
                if (record.hasNonNull("line") && record.path("input").isTextual()) {
                    entries.add(new HistoryEntry(recordSession, record.path("line").asInt(),
                            record.path("input").asText(),
                            record.path("output").isTextual() ? record.path("output").asText() : null));
                }
            } catch (IOException e) {
                skipped++; // a line cut short by a crash: the others are still good
            }
        }
        if (skipped > 0) {
            Log.warn("history: skipped %d unreadable lines in %s", skipped, file);
        }
        return highest;
    }

    private void append(ObjectNode record) {
        if (channel == null) {
            return;
        }
        try (FileLock ignored = channel.lock()) {
            writeAtEnd(record);
        } catch (IOException e) {
            Log.warn("history: cannot append to %s (%s); keeping the rest of this session in memory", file, e);
            closeQuietly();
        }
    }

    private void writeAtEnd(ObjectNode record) throws IOException {
        long position = channel.size();
        // A line cut short by a crash must not swallow the next record.
        String line = (endsInsideLine(position) ? "\n" : "") + json.writeValueAsString(record) + "\n";
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
    }

    private boolean endsInsideLine(long size) throws IOException {
        if (size == 0) {
            return false;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) != '\n';
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the warning was logged
            }
            channel = null;
        }
    }
}
