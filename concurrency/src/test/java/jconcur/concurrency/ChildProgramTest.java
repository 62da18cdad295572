package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildProgramTest {

    private static final String SUM = """
            import java.util.Arrays;

            public class Sum {
                public static void main(String[] args) throws Exception {
                    if (args.length > 0 && args[0].equals("fail")) {
                        System.err.println("asked to fail");
                        System.exit(3);
                    }
                    if (args.length > 0 && args[0].equals("echo")) {
                        System.out.print(new String(System.in.readAllBytes()).toUpperCase());
                        return;
                    }
                    if (args.length > 0 && args[0].equals("sleep")) {
                        Thread.sleep(60_000);
                    }
                    long sum = Arrays.stream(args).mapToLong(Long::parseLong).sum();
                    System.out.println(sum);
                    System.out.println(ProcessHandle.current().pid());
                }
            }
            """;

    @Test
    void runsOneAndManyChildJvms() {
        ChildProgram sum = Concurrency.childProgram(SUM);
        assertEquals("Sum", sum.mainClass());
        ChildRun one = sum.run("1", "2", "39");
        assertEquals("42", one.lines().get(0));
        assertEquals(String.valueOf(one.pid()), one.lines().get(1));
        assertNotEquals(ProcessHandle.current().pid(), one.pid());
        List<ChildRun> all = sum.runAll(List.of(List.of("1"), List.of("2", "3")));
        assertEquals(List.of("1", "5"), all.stream().map(r -> r.lines().get(0)).toList());
        assertNotEquals(all.get(0).pid(), all.get(1).pid());
        assertEquals("HELLO", sum.run(List.of("echo"), "hello").output());
    }

    @Test
    void failuresAndTimeoutsAreClearErrors() {
        ChildProgram sum = Concurrency.childProgram(SUM);
        ChildProcessException failed = assertThrows(ChildProcessException.class, () -> sum.run("fail"));
        assertTrue(failed.getMessage().contains("exited with code 3"), failed.getMessage());
        assertTrue(failed.getMessage().contains("asked to fail"), failed.getMessage());
        ChildProcessException slow = assertThrows(ChildProcessException.class,
                () -> sum.timeout(Duration.ofMillis(1500)).run("sleep"));
        assertTrue(slow.getMessage().contains("was killed"), slow.getMessage());
        ChildProcessException broken = assertThrows(ChildProcessException.class,
                () -> Concurrency.childProgram("public class Broken { void f() { int x = ; } }"));
        assertTrue(broken.getMessage().contains("does not compile"), broken.getMessage());
    }

    @Test
    void splittingWork() {
        assertEquals(List.of(new Span(0, 3), new Span(3, 6), new Span(6, 10)), Concurrency.ranges(0, 10, 3));
        assertEquals(List.of(List.of(1), List.of(2, 3)), Concurrency.chunks(List.of(1, 2, 3), 2));
        assertEquals(10, Concurrency.ranges(5, 15, 4).stream().mapToLong(Span::size).sum());
        assertThrows(IllegalArgumentException.class, () -> Concurrency.ranges(0, 10, 0));
    }
}
