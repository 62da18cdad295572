package jconcur.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the kernel behaviour nbgrader's autograde relies on (src/test/python/test_nbgrader_kernel.py, nbgrader's
 * own Execute preprocessor and scoring against the installed kernelspec): nothing on stderr in a passing cell, no
 * value shown by a cell ending in a declaration, idle promptly after the reply while threads print, a timed-out
 * cell interrupted by message with the next cell running.
 */
class NbgraderKernelIT {

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> kernelBehavesAsNbgraderExpects() throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_nbgrader_kernel", Duration.ofMinutes(10));
    }
}
