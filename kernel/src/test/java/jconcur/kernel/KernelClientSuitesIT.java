package jconcur.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python suites of src/test/python that drive the packaged kernel, installed with {@code install --prefix},
 * through real Jupyter clients (jupyter_client, nbgrader, JupyterHub); every Python test case is a JUnit test of
 * its own, and each suite prints the figures it measured. One suite alone:
 * {@code dev/test.sh -pl kernel -am -Dit.test='KernelClientSuitesIT#launcher*' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class KernelClientSuitesIT {

    /**
     * test_robustness: interrupts and deadlocks, dying user VMs, no orphans, output floods, background output,
     * forged messages, loopback-only sockets, intruders on the user VM ports, fuzzing of every channel; figures:
     * interrupt latency, deadlock recovery, heartbeat during floods.
     */
    @TestFactory
    List<DynamicTest> robustness(@TempDir Path dir) throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_robustness", Duration.ofMinutes(8));
    }

    /**
     * test_soak: 2,000 cells in a row (declarations, redefinitions, exceptions, interrupted busy loops); the kernel
     * JVM's heap after a full GC grows by less than 64 MB; figures: cells/s, heap before and after.
     */
    @TestFactory
    List<DynamicTest> soak(@TempDir Path dir) throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_soak", Duration.ofMinutes(10));
    }

    /** test_sweep_rendering: a sweep cell's result has image/png (a decodable chart) and text/html (the table). */
    @TestFactory
    List<DynamicTest> sweepRendering(@TempDir Path dir) throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_sweep_rendering", Duration.ofMinutes(5));
    }

    /**
     * test_seeing: a timeline cell yields image/png, and a sweep updates one live display (one display id)
     * before its result.
     */
    @TestFactory
    List<DynamicTest> seeing(@TempDir Path dir) throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_seeing", Duration.ofMinutes(5));
    }

    /**
     * test_new_user: what a new user trips over: tracebacks that name cell lines, rendered javadoc, redefinition
     * notes, completion of a cell's own variables, MIME types from user code, deadlocks that involve the cell's
     * thread, no "Picked up" line from the kernel JVM's options.
     */
    @TestFactory
    List<DynamicTest> newUser(@TempDir Path dir) throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_new_user", Duration.ofMinutes(10));
    }

    /**
     * test_launcher: a kernel whose launching client is killed goes away with its user VM; a kernel started by
     * hand lives as long as its shell; the connection file deleted while it runs; a second client on the kernel.
     */
    @TestFactory
    List<DynamicTest> launcher(@TempDir Path dir) throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_launcher", Duration.ofMinutes(5));
    }

    /**
     * test_nbgrader_kernel: what nbgrader's autograde relies on, through nbgrader's own Execute preprocessor and
     * scoring: nothing on stderr in a passing cell, no value shown by a cell ending in a declaration, idle promptly
     * after the reply while threads print, a timed-out cell interrupted by message with the next cell running.
     */
    @TestFactory
    List<DynamicTest> nbgraderKernel(@TempDir Path dir) throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_nbgrader_kernel", Duration.ofMinutes(10));
    }

    /**
     * test_debugger: JupyterLab's debugger sequence over debug_request/debug_event (debugInfo, initialize, attach,
     * dumpCell, setBreakpoints, configurationDone, a cell stopped at its line, stackTrace, scopes, variables,
     * evaluate, next, continue, the result, inspectVariables, disconnect); a pool thread paused in a lambda while a
     * counter thread runs on; a virtual thread; a method of an earlier cell; stepIn/stepOut; pause; interrupt of a
     * paused cell; a user VM that exits while paused; the Threads scope naming locks and their owners. Figures:
     * time to the breakpoint, the counter while paused, the Threads scope.
     */
    @TestFactory
    List<DynamicTest> debugger(@TempDir Path dir) throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_debugger", Duration.ofMinutes(5));
    }

    /**
     * test_hub: a course on one machine, JupyterHub from hub/jupyterhub_config.py with its proxy from npm, three
     * students each starting a kernel through the Hub and running chapter 1's first cells at the same time; all
     * succeed, every kernel stays responsive, stopping the Hub leaves none of their processes.
     */
    @TestFactory
    List<DynamicTest> jupyterHub(@TempDir Path dir) throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_hub", Duration.ofMinutes(8));
    }
}
