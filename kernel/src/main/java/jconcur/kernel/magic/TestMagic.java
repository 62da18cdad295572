package jconcur.kernel.magic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jconcur.kernel.engine.ExecuteOutcome;
import jconcur.kernel.uservm.magic.TestMagicInUserVm;
import jconcur.kernel.uservm.magic.TestCase;

/**
 * %%test: runs the JUnit Jupiter tests written in the cell against the notebook's definitions, inside the
 * user VM, and shows a pass/fail table. The cell holds either test classes (only type declarations, each
 * run as written) or bare members ({@code @Test void x() {...}}, fields, helpers, {@code @BeforeEach}),
 * which are wrapped in a generated class. Any failing test makes the cell end with one error, which is how
 * nbgrader sees a failed test cell.
 */
final class TestMagic implements JavaBodyMagic {

    private static final String JUNIT_IMPORTS = """
            import org.junit.jupiter.api.*;
            import org.junit.jupiter.params.*;
            import org.junit.jupiter.params.provider.*;
            import static org.junit.jupiter.api.Assertions.*;
            import static org.junit.jupiter.api.Assumptions.*;
            """;

    private int generatedClasses;

    @Override
    public String name() {
        return "test";
    }

    @Override
    public boolean isLine() {
        return false;
    }

    @Override
    public boolean isCell() {
        return true;
    }

    @Override
    public String usage() {
        return "%%test";
    }

    @Override
    public String help() {
        return """
                Runs the JUnit 5 (Jupiter) tests in the cell with the JUnit Platform inside the user VM, against
                the notebook's definitions, and shows a pass/fail table with failure messages. The cell holds
                either bare test methods (@Test void name() { ... }, plus fields, helpers, @BeforeEach ...),
                wrapped into a generated class, or complete test classes. JUnit's annotations, Assertions and
                Assumptions are imported for you; assert statements work too (the user VM runs with -ea).
                If a test fails the cell ends with an error, which nbgrader counts as a failed test cell.""";
    }

    @Override
    public ExecuteOutcome cell(String args, String body, MagicContext context)
            throws MagicUsageException, MagicFailedException {
        if (!args.isBlank()) {
            throw new MagicUsageException("%%test takes no arguments");
        }
        List<JavaSource.Member> members = JavaSource.topLevelMembers(body);
        List<JavaSource.Member> imports = members.stream().filter(JavaSource.Member::importDeclaration).toList();
        List<JavaSource.Member> tests = members.stream().filter(m -> !m.importDeclaration()).toList();
        if (tests.isEmpty()) {
            throw new MagicUsageException("the cell has no tests: write @Test methods or test classes after %%test");
        }
        context.runJava(JUNIT_IMPORTS + imports.stream().map(JavaSource.Member::text).collect(Collectors.joining("\n")));
        List<String> classNames = define(tests, context);
        String classes = classNames.stream().map(n -> n + ".class").collect(Collectors.joining(", "));
        TestCase[] results = context.callUserVm(TestMagicInUserVm.class.getName() + ".run(%s, " + classes + ")",
                TestCase[].class);
        return outcome(Arrays.asList(results), context);
    }

    /** Declares the test classes in the user's JShell state and returns their names. */
    private List<String> define(List<JavaSource.Member> tests, MagicContext context) throws MagicFailedException {
        String code = tests.stream().map(JavaSource.Member::text).collect(Collectors.joining());
        if (tests.stream().allMatch(JavaSource.Member::typeDeclaration)) {
            List<String> names = new ArrayList<>();
            for (JavaSource.Member type : tests) {
                names.add(JavaSource.declaredTypeName(type.text()));
            }
            context.runJava(code);
            return names;
        }
        String name = "TestCell" + (++generatedClasses);
        context.runJava("class " + name + " {\n" + code + "\n}");
        return List.of(name);
    }

    static ExecuteOutcome outcome(List<TestCase> results, MagicContext context) {
        if (results.isEmpty()) {
            return Failures.failed("NoTestsFound", "JUnit found no test in the cell: annotate test methods with @Test");
        }
        context.display(TestTable.bundle(results));
        List<TestCase> failed = results.stream().filter(TestCase::failed).toList();
        if (failed.isEmpty()) {
            return new ExecuteOutcome.Ok(java.util.Optional.empty());
        }
        List<String> details = new ArrayList<>();
        for (TestCase f : failed) {
            details.add("  " + f.name() + ": " + (f.message() == null ? "failed" : f.message().strip().replace("\n", "\n    ")));
        }
        String names = failed.stream().map(TestCase::name).collect(Collectors.joining(", "));
        return Failures.failed("TestFailure", failed.size() + " of " + results.size() + " tests failed: " + names, details);
    }
}
