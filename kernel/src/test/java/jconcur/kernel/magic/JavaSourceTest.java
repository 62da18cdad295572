package jconcur.kernel.magic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaSourceTest {

    @Test
    void singleExpressions() {
        for (String e : List.of("fib(20)", "countPrimes(1000, 4);", "x + 1", "new int[]{1, 2}.length",
                "list.stream().map(s -> { return s; }).toList()", "\"a;b\".length()", "a instanceof String s",
                "Thread.sleep(10)", "x = 5", "i++")) {
            assertTrue(JavaSource.isSingleExpression(e), e);
        }
    }

    @Test
    void statementsAndDeclarations() {
        for (String s : List.of("int x = 5", "var y = f();", "List<String> xs = new ArrayList<>()", "a(); b()",
                "for (int i = 0; i < 3; i++) f(i);", "class A {}", "void m() {}", "{ f(); }", "String[] s = {}",
                "final int k = 1", "Map<String, List<Integer>> m = Map.of()", "return 1", "")) {
            assertFalse(JavaSource.isSingleExpression(s), s);
        }
    }

    @Test
    void topLevelMembersOfBareTests() {
        String cell = """
                import java.util.*;
                int calls = 0;
                Runnable r = () -> { calls++; };
                @BeforeEach void setUp() { calls = 0; }
                // a comment with class Foo { inside
                @Test void adds() {
                    assertEquals(2, 1 + 1, "}{");
                }
                """;
        List<JavaSource.Member> members = JavaSource.topLevelMembers(cell);
        assertEquals(5, members.size(), members.toString());
        assertTrue(members.get(0).importDeclaration());
        assertTrue(members.get(2).text().contains("calls++; };"));
        assertTrue(members.stream().noneMatch(JavaSource.Member::typeDeclaration));
    }

    @Test
    void topLevelMembersOfTestClasses() {
        String cell = """
                @DisplayName("primes") class PrimeTests {
                    @Test void small() { assertEquals(25, count(100)); }
                    @Nested class Inner { @Test void t() {} }
                }
                record Pair(int a, int b) {}
                """;
        List<JavaSource.Member> members = JavaSource.topLevelMembers(cell);
        assertEquals(2, members.size());
        assertTrue(members.stream().allMatch(JavaSource.Member::typeDeclaration));
        assertEquals("PrimeTests", JavaSource.declaredTypeName(members.get(0).text()));
        assertEquals("Pair", JavaSource.declaredTypeName(members.get(1).text()));
    }

    @Test
    void classLiteralIsNotADeclaration() {
        List<JavaSource.Member> members = JavaSource.topLevelMembers("@Test void t() { assertNotNull(String.class); }");
        assertFalse(members.get(0).typeDeclaration());
    }

    @Test
    void maskingKeepsLength() {
        String code = "String s = \"a{\\\"b\"; /* } */ char c = '}'; String t = \"\"\"\n  {\n  \"\"\"; // }\nx";
        String masked = JavaSource.maskLiteralsAndComments(code);
        assertEquals(code.length(), masked.length());
        assertEquals(-1, masked.indexOf('}'));
        assertEquals(code.indexOf('x', code.length() - 2), masked.indexOf('x', code.length() - 2));
    }

    @Test
    void stringLiterals() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u00b5\"", JavaSource.stringLiteral("a\"b\\c\nd\u00b5"));
    }
}
