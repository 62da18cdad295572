package jconcur.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures of concurrency through the installed kernel and jupyter_client (src/test/python/test_seeing.py): a
 * timeline cell yields image/png, and a sweep updates one live display (one display id) before its result.
 */
class SeeingIT {

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> timelinesRenderAndSweepsUpdateOneLiveDisplay() throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_seeing", Duration.ofMinutes(5));
    }
}
