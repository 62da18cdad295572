package jconcur.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

    @TempDir
    Path dir;

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::input).toList();
    }

    private Path fileWithTwoSessions() {
        Path file = dir.resolve("jconcur").resolve("history.jsonl");
        try (HistoryStore first = HistoryStore.open(file)) {
            assertEquals(1, first.session());
            first.add(1, "int a = 1;", null);
            first.add(2, "a + 1", "2");
        }
        try (HistoryStore second = HistoryStore.open(file)) {
            assertEquals(2, second.session());
            second.add(1, "a + 1", "2");
            second.add(2, "String s = \"x\";", null);
            second.add(3, "s.length()", "1");
        }
        return file;
    }

    @Test
    void sessionsArePersistedAndNumberedAcrossKernels() {
        Path file = fileWithTwoSessions();
        try (HistoryStore third = HistoryStore.open(file)) {
            assertEquals(3, third.session());
            assertEquals(List.of("int a = 1;", "a + 1", "a + 1", "String s = \"x\";", "s.length()"),
                    inputs(third.tail(100)));
        }
    }

    @Test
    void tailReturnsTheLastCellsOldestFirstWithOutputs() {
        try (HistoryStore store = HistoryStore.open(fileWithTwoSessions())) {
            List<HistoryEntry> tail = store.tail(2);
            assertEquals(List.of(new HistoryEntry(2, 2, "String s = \"x\";", null),
                    new HistoryEntry(2, 3, "s.length()", "1")), tail);
            assertTrue(store.tail(0).isEmpty());
        }
    }

    @Test
    void rangeSelectsLinesOfOneSessionAbsoluteOrRelative() {
        try (HistoryStore store = HistoryStore.open(fileWithTwoSessions())) {
            store.add(1, "current()", null);
            assertEquals(List.of("a + 1"), inputs(store.range(1, 2, 3)));
            assertEquals(List.of("a + 1", "String s = \"x\";", "s.length()"), inputs(store.range(2, 1, 0)));
            assertEquals(List.of("String s = \"x\";"), inputs(store.range(-1, 2, 3)), "-1 is the previous session");
            assertEquals(List.of("current()"), inputs(store.range(0, 1, 0)), "0 is this session");
            assertTrue(store.range(9, 1, 0).isEmpty());
        }
    }

    @Test
    void searchMatchesWholeSourcesWithGlobsUniqueAndLastN() {
        try (HistoryStore store = HistoryStore.open(fileWithTwoSessions())) {
            assertEquals(List.of("a + 1", "a + 1"), inputs(store.search("a ? 1", 0, false)));
            assertEquals(1, store.search("a ? 1", 0, true).size());
            assertEquals(new HistoryEntry(2, 1, "a + 1", "2"), store.search("a ? 1", 0, true).get(0),
                    "unique keeps the latest run");
            assertEquals(List.of("String s = \"x\";", "s.length()"), inputs(store.search("*s*", 2, false)));
            assertEquals(5, store.search("*", 0, false).size());
            assertTrue(store.search("a", 0, false).isEmpty(), "the pattern must match the whole source");
            assertTrue(store.search("A ? 1", 0, false).isEmpty(), "matching is case-sensitive");
            assertEquals(List.of("int a = 1;"), inputs(store.search("int a = 1;", 0, false)),
                    "regex characters are literal");
        }
    }

    @Test
    void globsTreatOnlyStarAndQuestionMarkAsWildcards() {
        assertTrue(new GlobPattern("for (*) {*}").matches("for (int i = 0; i < n; i++) {\n  x();\n}"));
        assertTrue(new GlobPattern("a?c").matches("a\nc"));
        assertFalse(new GlobPattern("a?c").matches("ac"));
        assertTrue(new GlobPattern("x.*[0]").matches("x.list[0]"));
        assertFalse(new GlobPattern("x.*[0]").matches("x.list0"));
        assertTrue(new GlobPattern("").matches(""));
    }

    @Test
    void damagedLinesAreSkippedAndDoNotSwallowNewRecords() throws IOException {
        Path file = dir.resolve("history.jsonl");
        Files.writeString(file, "{\"session\":4,\"line\":1,\"input\":\"ok()\",\"output\":null}\n{\"session\":4,\"line\":2,\"inp");
        try (HistoryStore store = HistoryStore.open(file)) {
            assertEquals(5, store.session());
            store.add(1, "after()", null);
        }
        try (HistoryStore store = HistoryStore.open(file)) {
            assertEquals(List.of("ok()", "after()"), inputs(store.tail(10)));
            assertEquals(6, store.session());
        }
    }

    @Test
    void longOutputsAreCut() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.jsonl"))) {
            store.add(1, "big()", "x".repeat(HistoryStore.MAX_OUTPUT_CHARS + 5));
            assertEquals(HistoryStore.MAX_OUTPUT_CHARS, store.tail(1).get(0).output().length());
        }
    }

    @Test
    void anUnusableFileFallsBackToMemory() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        try (HistoryStore store = HistoryStore.open(notADirectory.resolve("history.jsonl"))) {
            assertEquals(1, store.session());
            store.add(1, "still()", null);
            assertEquals(List.of("still()"), inputs(store.tail(5)));
        }
        try (HistoryStore memory = HistoryStore.inMemory()) {
            memory.add(1, "x", "1");
            assertEquals(1, memory.session());
            assertEquals("1", memory.tail(1).get(0).output());
        }
    }
}
