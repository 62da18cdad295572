package jconcur.kernel.grade;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar jconcur-kernel.jar grade} on three submissions of the parallel-primes assignment: the
 * teacher's solution, a wrong one (drops the numbers of the last partial chunk) and the untouched
 * student version. Each run starts the real kernel through nbclient.
 */
class GradeIT {

    private static final Path SOURCE = Path.of(System.getProperty("jconcur.repoRoot", ".."))
            .resolve("notebooks/assignments/source/parallel-primes/parallel-primes.ipynb");

    private static final String WRONG_SOLUTION = """
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                try {
                    int chunk = limit / threads;
                    List<Future<Long>> parts = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        int from = t * chunk;
                        int to = from + chunk;
                        parts.add(pool.submit(() -> {
                            long count = 0;
                            for (int n = from; n < to; n++) if (isPrime(n)) count++;
                            return count;
                        }));
                    }
                    long total = 0;
                    for (Future<Long> part : parts) total += part.get();
                    return total;
                } finally {
                    pool.shutdown();
                }
            """;

    @TempDir
    Path dir;

    @Test
    void correctSolutionGetsFullPoints() throws Exception {
        Path student = dir.resolve("correct.ipynb");
        Files.copy(SOURCE, student);
        JsonNode report = grade(student);
        assertEquals(5.0, report.get("maxScore").asDouble(), report.toPrettyString());
        assertEquals(5.0, report.get("score").asDouble(), report.toPrettyString());
        assertEquals(1.0, report.get("manualPoints").asDouble());
        Map<String, JsonNode> cells = cells(report);
        assertEquals(CellGrade.MANUAL, cells.get("explain-speedup").get("status").asText());
        for (String id : new String[] {"test-small-limits", "test-matches-sequential", "test-uses-threads"}) {
            assertEquals(CellGrade.PASSED, cells.get(id).get("status").asText(), id);
        }
        assertTrue(Files.readString(dir.resolve("out/correct.grades.html")).contains("test-uses-threads"));
        assertTrue(Files.exists(dir.resolve("out/correct.graded.ipynb")));
    }

    @Test
    void wrongSolutionGetsPartialPoints() throws Exception {
        ObjectNode notebook = Notebooks.read(SOURCE);
        for (ObjectNode cell : Notebooks.cells(notebook)) {
            if (Notebooks.flag(cell, "solution") && "code".equals(cell.path("cell_type").asText())) {
                String source = Notebooks.source(cell);
                int begin = source.indexOf('\n', source.indexOf("BEGIN SOLUTION")) + 1;
                int end = source.lastIndexOf('\n', source.indexOf("END SOLUTION")) + 1;
                Notebooks.setSource(cell, source.substring(0, begin) + WRONG_SOLUTION + source.substring(end));
            }
        }
        Path student = dir.resolve("wrong.ipynb");
        Notebooks.write(notebook, student);
        JsonNode report = grade(student);
        double score = report.get("score").asDouble();
        assertTrue(score > 0 && score < 5, "partial credit expected: " + report.toPrettyString());
        Map<String, JsonNode> cells = cells(report);
        JsonNode small = cells.get("test-small-limits");
        assertEquals(CellGrade.FAILED, small.get("status").asText());
        assertEquals(0.0, small.get("points").asDouble());
        assertTrue(small.get("error").asText().startsWith("TestFailure:"), small.toString());
        assertTrue(small.get("error").asText().contains("moreThreadsThanNumbers"), "the hidden test was put back: " + small);
        assertEquals(CellGrade.PASSED, cells.get("test-uses-threads").get("status").asText());
    }

    @Test
    void untouchedStudentVersionGetsZero() throws Exception {
        Path release = dir.resolve("release");
        assertEquals(0, GradeCommand.run(java.util.List.of("--student-version", SOURCE.toString(), "--out", release.toString()),
                System.out, System.err));
        Path student = release.resolve("parallel-primes.ipynb");
        String text = Files.readString(student);
        assertFalse(text.contains("HIDDEN TESTS") || text.contains("newFixedThreadPool"), "solution or hidden tests leaked");
        JsonNode report = grade(student);
        assertEquals(0.0, report.get("score").asDouble(), report.toPrettyString());
        assertEquals(5.0, report.get("maxScore").asDouble());
        cells(report).values().stream().filter(c -> !c.get("status").asText().equals(CellGrade.MANUAL))
                .forEach(c -> assertEquals(CellGrade.FAILED, c.get("status").asText(), c.toString()));
    }

    /** Runs the grade command of the kernel jar as a teacher would, and reads its JSON report. */
    private JsonNode grade(Path student) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(System.getProperty("jconcur.kernelJar", "target/jconcur-kernel.jar")).toAbsolutePath().toString();
        Path out = dir.resolve("out");
        Process process = new ProcessBuilder(java, "-jar", jar, "grade", student.toString(), "--source", SOURCE.toString(),
                "--out", out.toString(), "--timeout", "300")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(15, TimeUnit.MINUTES));
        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
        String stem = student.getFileName().toString().replace(".ipynb", "");
        return Notebooks.JSON.readTree(out.resolve(stem + ".grades.json").toFile());
    }

    private static Map<String, JsonNode> cells(JsonNode report) {
        Map<String, JsonNode> cells = new HashMap<>();
        report.get("cells").forEach(c -> cells.put(c.get("gradeId").asText(), c));
        return cells;
    }
}
