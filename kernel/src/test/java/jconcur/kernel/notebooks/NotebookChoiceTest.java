package jconcur.kernel.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NotebooksIT's -Djconcur.notebooks.only: which notebooks a list of name prefixes picks. */
class NotebookChoiceTest {

    private final List<Path> all = NotebookFiles.executable();

    @Test
    void aBlankListChoosesEveryNotebook() {
        assertEquals(all, NotebooksIT.chosen(all, ""));
        assertEquals(all, NotebooksIT.chosen(all, " , "));
    }

    @Test
    void prefixesChooseTheNotebooksWhoseNamesStartWithThem() {
        List<String> names = NotebooksIT.chosen(all, "02, 15").stream().map(NotebookFiles::name).toList();
        assertEquals(2, names.size(), names.toString());
        assertEquals(List.of("02-", "15-"), names.stream().map(n -> n.substring(0, 3)).toList());
    }

    @Test
    void aListThatMatchesNothingIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NotebooksIT.chosen(all, "99"));
        assertEquals("jconcur.notebooks.only=99 matches no notebook", e.getMessage());
    }
}
