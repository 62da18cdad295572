package jconcur.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HelperJavadocTest {

    private static final String SOURCE = """
            /** Not this one: another method. */
            public static int other(int a) { return a; }

            /**
             * Sweeps a task.
             * @param sequential the baseline
             */
            @Deprecated
            public static <T> SweepResult<T> sweep(Callable<T> sequential) { return null; }

            /** The two-argument sweep. */
            public static <T> SweepResult<T> sweep(Callable<T> sequential, Sweep.OnExecutor<T> parallel) { return null; }
            """;

    @Test
    void findsTheCommentOfTheOverloadWithTheseParameterNames() {
        assertEquals(Optional.of("Sweeps a task.\n@param sequential the baseline"),
                HelperJavadoc.methodComment(SOURCE, "sweep", List.of("sequential")));
        assertEquals(Optional.of("The two-argument sweep."),
                HelperJavadoc.methodComment(SOURCE, "sweep", List.of("sequential", "parallel")));
        assertEquals(Optional.empty(), HelperJavadoc.methodComment(SOURCE, "sweep", List.of("other")));
    }

    @Test
    void aLongCommentNeedsNoDeepStack() throws InterruptedException {
        // A comment of 200,000 characters, read on a thread with a small stack (as the kernel's threads have):
        // a pattern that repeats a group per character would overflow it.
        String source = "/** " + "x".repeat(200_000) + " */\nstatic void big(int n) {}\n";
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread reader = new Thread(null, () -> {
            try {
                outcome.set(HelperJavadoc.methodComment(source, "big", List.of("n")).map(String::length).orElse(-1));
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "small-stack", 128 * 1024);
        reader.start();
        reader.join();
        assertEquals(200_000, outcome.get());
    }
}
