package jconcur.kernel.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every notebook under notebooks/ (recursively) is committed clean: valid nbformat 4 JSON for the jconcur
 * kernel, with no outputs and no execution counts, so diffs stay readable and nobody commits stale results.
 * No Jupyter needed: the checks read the JSON.
 */
class NotebooksCleanTest {

    private static final Set<String> CELL_TYPES = Set.of("code", "markdown", "raw");
    /** nbformat 4.5's cell id rule. */
    private static final Pattern CELL_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    /** The target of a Markdown link: [text](target). */
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @TestFactory
    Stream<DynamicTest> everyNotebookIsCleanNbformat4ForJconcur() {
        return NotebookFiles.all().stream()
                .map(file -> DynamicTest.dynamicTest(NotebookFiles.name(file), file.toUri(), () -> assertClean(file)));
    }

    private static void assertClean(Path file) throws IOException {
        String name = "notebooks/" + NotebookFiles.name(file);
        JsonNode notebook;
        try {
            notebook = NotebookFiles.read(file);
        } catch (JsonProcessingException e) {
            fail(name + " is not valid JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
            return;
        }
        List<String> problems = problems(notebook);
        if (!problems.isEmpty()) {
            fail(name + " is not a clean jconcur notebook (clear outputs before committing, e.g. "
                    + "jupyter nbconvert --clear-output --inplace " + name + "):\n  - " + String.join("\n  - ", problems));
        }
    }

    /** The index notebook links every numbered notebook, and every link it has leads to an existing file. */
    @Test
    void indexLinksEveryChapterNotebookAndOnlyExistingFiles() throws IOException {
        Path dir = NotebookFiles.notebooksDir();
        Path index = dir.resolve("00-index.ipynb");
        Assumptions.assumeTrue(Files.isRegularFile(index), "no notebooks/00-index.ipynb yet");
        Set<String> links = new TreeSet<>();
        for (JsonNode cell : NotebookFiles.read(index).path("cells")) {
            if ("markdown".equals(cell.path("cell_type").asText())) {
                Matcher link = MARKDOWN_LINK.matcher(NotebookFiles.source(cell));
                while (link.find()) {
                    links.add(link.group(1));
                }
            }
        }
        List<String> broken = links.stream()
                .filter(target -> !target.contains("://") && !Files.exists(dir.resolve(target.replaceFirst("#.*", ""))))
                .toList();
        List<String> unlinked = NotebookFiles.executable().stream()
                .map(NotebookFiles::name)
                .filter(name -> name.matches("(0[1-9]|[1-9]\\d)-.*") && !links.contains(name))
                .toList();
        assertTrue(broken.isEmpty() && unlinked.isEmpty(), "notebooks/00-index.ipynb: links to missing files " + broken
                + "; chapter notebooks it does not link " + unlinked);
    }

    /** Everything wrong with one parsed notebook, each naming the cell concerned. */
    static List<String> problems(JsonNode notebook) {
        List<String> problems = new ArrayList<>();
        if (!notebook.isObject()) {
            return List.of("the top level is not a JSON object");
        }
        if (notebook.path("nbformat").asInt(-1) != 4 || !notebook.path("nbformat").isInt()) {
            problems.add("nbformat is " + notebook.get("nbformat") + ", expected 4");
        }
        if (!notebook.path("nbformat_minor").isInt()) {
            problems.add("nbformat_minor is " + notebook.get("nbformat_minor") + ", expected a number");
        }
        JsonNode kernelspec = notebook.path("metadata").path("kernelspec");
        if (!"jconcur".equals(kernelspec.path("name").asText(null))) {
            problems.add("metadata.kernelspec.name is " + kernelspec.get("name") + ", expected \"jconcur\"");
        }
        JsonNode cells = notebook.get("cells");
        if (cells == null || !cells.isArray()) {
            problems.add("cells is missing or not a list");
            return problems;
        }
        boolean idsRequired = notebook.path("nbformat_minor").asInt(0) >= 5;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            problems.addAll(cellProblems(cells.get(i), i + 1, idsRequired, ids));
        }
        return problems;
    }

    /** The checks themselves can fail: a dirty notebook yields one problem per offence, naming the cell. */
    @Test
    void reportsEveryOffenceWithItsCell() throws IOException {
        JsonNode dirty = new ObjectMapper().readTree("""
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "java"}},
                 "cells": [
                   {"id": "a", "cell_type": "markdown", "metadata": {}, "source": "# Title"},
                   {"id": "b", "cell_type": "code", "metadata": {}, "source": ["int x = 1;\\n", "x"],
                    "execution_count": 3, "outputs": [{"output_type": "execute_result"}]},
                   {"id": "b", "cell_type": "code", "metadata": {}, "source": "y", "execution_count": null, "outputs": []},
                   {"cell_type": "code", "metadata": {}, "source": "z", "execution_count": null, "outputs": []}
                 ]}
                """);

        List<String> problems = problems(dirty);

        assertEquals(List.of(
                "metadata.kernelspec.name is \"java\", expected \"jconcur\"",
                "cell 2 (id \"b\", code: \"int x = 1;\"): has 1 output(s), expected none",
                "cell 2 (id \"b\", code: \"int x = 1;\"): execution_count is 3, expected null",
                "cell 3 (id \"b\", code: \"y\"): cell id \"b\" is used by an earlier cell too",
                "cell 4 (code: \"z\"): cell id null is missing or invalid (nbformat 4.5: 1-64 of [a-zA-Z0-9_-])"),
                problems);
    }

    private static List<String> cellProblems(JsonNode cell, int number, boolean idRequired, Set<String> seenIds) {
        List<String> problems = new ArrayList<>();
        String where = describe(cell, number);
        String type = cell.path("cell_type").asText("");
        if (!CELL_TYPES.contains(type)) {
            problems.add(where + ": cell_type is " + cell.get("cell_type") + ", expected one of " + CELL_TYPES);
        }
        if (!isTextOrLines(cell.get("source"))) {
            problems.add(where + ": source must be a string or a list of strings");
        }
        if (!cell.path("metadata").isObject()) {
            problems.add(where + ": metadata is missing or not an object");
        }
        JsonNode id = cell.get("id");
        if (id != null || idRequired) {
            if (id == null || !id.isTextual() || !CELL_ID.matcher(id.asText()).matches()) {
                problems.add(where + ": cell id " + id + " is missing or invalid (nbformat 4.5: 1-64 of [a-zA-Z0-9_-])");
            } else if (!seenIds.add(id.asText())) {
                problems.add(where + ": cell id \"" + id.asText() + "\" is used by an earlier cell too");
            }
        }
        if ("code".equals(type)) {
            JsonNode outputs = cell.get("outputs");
            if (outputs == null || !outputs.isArray()) {
                problems.add(where + ": a code cell needs \"outputs\": []");
            } else if (!outputs.isEmpty()) {
                problems.add(where + ": has " + outputs.size() + " output(s), expected none");
            }
            if (!cell.has("execution_count")) {
                problems.add(where + ": a code cell needs \"execution_count\": null");
            } else if (!cell.get("execution_count").isNull()) {
                problems.add(where + ": execution_count is " + cell.get("execution_count") + ", expected null");
            }
        } else if (cell.has("outputs") || cell.has("execution_count")) {
            problems.add(where + ": a " + type + " cell cannot have outputs or an execution count");
        }
        return problems;
    }

    private static boolean isTextOrLines(JsonNode source) {
        if (source == null || !(source.isTextual() || source.isArray())) {
            return false;
        }
        for (JsonNode line : source) {
            if (!line.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** E.g. {@code cell 4 (id "a1b2", code: "var r = sweep(...")}. */
    private static String describe(JsonNode cell, int number) {
        String firstLine = NotebookFiles.source(cell).strip().lines().findFirst().orElse("");
        if (firstLine.length() > 50) {
            firstLine = firstLine.substring(0, 47) + "...";
        }
        String id = cell.hasNonNull("id") ? "id \"" + cell.get("id").asText() + "\", " : "";
        return "cell " + number + " (" + id + cell.path("cell_type").asText("?") + ": \"" + firstLine + "\")";
    }
}
