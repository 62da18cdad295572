package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soak (issue 3): 2,000 cells in a row through jupyter_client (declarations, redefinitions of methods and classes,
 * exceptions, interrupted busy loops); the kernel JVM's heap after a full GC may grow by less than 64 MB
 * (src/test/python/test_soak.py). Prints cells/s and the heap before and after. Runs alone with
 * {@code ./mvnw -pl kernel verify -Dit.test=SoakIT}.
 */
class SoakIT {

    @TempDir
    Path dir;

    @Test
    void twoThousandCellsLeaveTheKernelHeapWithinItsBound() throws IOException, InterruptedException {
        Path jupyterPath = KernelTestSuite.installKernelspec(dir);

        KernelTestSuite.Result result = KernelTestSuite.run(jupyterPath, dir, "jconcur", "test_soak",
                Duration.ofMinutes(10));

        System.out.println("test_soak figures:\n" + KernelTestSuite.figures(result));
        assertTrue(result.ok(), "test_soak failed:\n" + result.output());
        assertEquals(1, result.ran(), result.output());
    }
}
