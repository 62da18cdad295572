package jconcur.kernel.magic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSuggesterTest {

    private static final List<String> NAMES = List.of("time", "timeit", "maven", "mavenRepo", "classpath", "jars",
            "threads", "reset", "lsmagic", "load", "loadFromPOM", "jvm");

    @Test
    void editDistance() {
        assertEquals(0, NameSuggester.distance("time", "time"));
        assertEquals(1, NameSuggester.distance("tme", "time"));
        assertEquals(1, NameSuggester.distance("tiem", "time"));   // a swap is one edit
        assertEquals(3, NameSuggester.distance("kitten", "sitting"));
        assertEquals(5, NameSuggester.distance("", "maven"));
    }

    @Test
    void typosSuggestTheClosestNamesFirst() {
        assertEquals(List.of("time"), NameSuggester.closeNames("tiem", NAMES));
        assertEquals(List.of("timeit", "time"), NameSuggester.closeNames("timit", NAMES));
        assertEquals("maven", NameSuggester.closeNames("mavn", NAMES).get(0));
        assertEquals("threads", NameSuggester.closeNames("thread", NAMES).get(0));
        assertTrue(NameSuggester.closeNames("classpth", NAMES).contains("classpath"));
    }

    @Test
    void unrelatedNamesSuggestNothing() {
        assertEquals(List.of(), NameSuggester.closeNames("xyzzy", NAMES));
    }
}
