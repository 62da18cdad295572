package jconcur.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
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

    @TestFactory
    List<DynamicTest> twoThousandCellsLeaveTheKernelHeapWithinItsBound() throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_soak", Duration.ofMinutes(10));
    }
}
