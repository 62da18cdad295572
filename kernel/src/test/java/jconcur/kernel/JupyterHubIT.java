package jconcur.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course on one machine (src/test/python/test_hub.py): JupyterHub from hub/jupyterhub_config.py with its proxy
 * from npm, three students whose servers a local-process spawner starts, each starting a jconcur kernel through
 * the Hub and running the first cells of chapter 1 at the same time; all succeed, every kernel stays responsive,
 * and stopping the Hub leaves none of their processes. Prints each student's time and memory.
 */
class JupyterHubIT {

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> threeStudentsRunChapterOneThroughTheHub() throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_hub", Duration.ofMinutes(8));
    }
}
