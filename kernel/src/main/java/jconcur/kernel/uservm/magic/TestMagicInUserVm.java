package jconcur.kernel.uservm.magic;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Runs in the user VM for %%test: runs the JUnit Jupiter tests of the given classes (defined by the cell
 * in JShell) with the JUnit Platform Launcher and writes one {@link TestCase} per test, as JSON, to the
 * file the kernel named. The kernel shows the table and decides the cell's outcome.
 */
public final class TestMagicInUserVm {

    private TestMagicInUserVm() {}

    public static void run(String resultFile, Class<?>... testClasses) throws IOException {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(testClasses).map(DiscoverySelectors::selectClass).toList())
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
        Collector collector = new Collector();
        LauncherFactory.create().execute(request, collector);
        new ObjectMapper().writeValue(Path.of(resultFile).toFile(), collector.results());
    }

    /** Collects results in the order tests finish; names include their parent for parameterized tests. */
    private static final class Collector implements TestExecutionListener {
        private final List<TestCase> results = new ArrayList<>();
        private final Map<String, Long> startNanos = new ConcurrentHashMap<>();
        private TestPlan plan;

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            startNanos.put(id.getUniqueId(), System.nanoTime());
        }

        @Override
        public synchronized void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
                results.add(new TestCase(name(id), TestCase.SKIPPED, 0, reason));
            }
        }

        @Override
        public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
            boolean failedContainer = id.isContainer() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
            if (!id.isTest() && !failedContainer || id.getParentId().isEmpty()) {
                return;
            }
            long millis = (System.nanoTime() - startNanos.getOrDefault(id.getUniqueId(), System.nanoTime())) / 1_000_000;
            String status = switch (result.getStatus()) {
                case SUCCESSFUL -> TestCase.PASSED;
                case ABORTED -> TestCase.ABORTED;
                case FAILED -> TestCase.FAILED;
            };
            String message = result.getThrowable().map(TestMagicInUserVm::describe).orElse(null);
            results.add(new TestCase(name(id), status, millis, message));
        }

        private String name(TestIdentifier id) {
            String name = id.getDisplayName();
            TestIdentifier parent = plan == null ? null : plan.getParent(id).orElse(null);
            if (parent != null && parent.isContainer() && parent.getSource().isPresent()
                    && parent.getSource().get() instanceof org.junit.platform.engine.support.descriptor.MethodSource) {
                name = parent.getDisplayName() + " " + name;
            }
            return name;
        }

        List<TestCase> results() {
            return List.copyOf(results);
        }
    }

    /** Assertion failures by their message; anything else by its type too, with its cause. */
    static String describe(Throwable t) {
        if (t instanceof AssertionFailedError && t.getMessage() != null) {
            return t.getMessage();
        }
        String text = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            text += " (caused by " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
        }
        return text;
    }
}
