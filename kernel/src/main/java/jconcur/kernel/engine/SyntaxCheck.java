package jconcur.kernel.engine;

import com.sun.source.util.JavacTask;
import java.net.URI;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Parses (only parses) a snippet the ways JShell accepts it: as a declaration in a class body, as statements,
 * as an expression, as an import. Tells valid code, code that merely stops too early, and code that no
 * amount of typing can fix apart, which JShell's completeness analysis alone does not (it calls "1 +* 2;"
 * complete and "@@@" incomplete).
 */
final class SyntaxCheck {

    enum Verdict { VALID, INCOMPLETE, INVALID }

    private record Wrap(String before, String after) {}

    private static final List<Wrap> WRAPS = List.of(
            new Wrap("class $ {\n", "\n}"),
            new Wrap("class $ { void $() {\n", "\n;}}"),
            new Wrap("class $ { Object $ = (\n", "\n);}"),
            new Wrap("", "\n"));

    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();

    Verdict check(String code) {
        if (compiler == null) {
            return Verdict.VALID;
        }
        String trimmed = code.strip();
        Verdict best = Verdict.INVALID;
        for (Wrap wrap : WRAPS) {
            String body = wrap.after().startsWith("\n);") && trimmed.endsWith(";")
                    ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
            long firstError = firstErrorPosition(wrap.before() + body + wrap.after());
            if (firstError < 0) {
                return Verdict.VALID;
            }
            if (firstError >= wrap.before().length() + body.length()) {
                best = Verdict.INCOMPLETE;
            }
        }
        return best;
    }

    /** Position of the first syntax error, or -1 when the source parses. */
    private long firstErrorPosition(String source) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostics, List.of("-proc:none"), null,
                List.of(file));
        try {
            task.parse();
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .mapToLong(d -> d.getPosition() == Diagnostic.NOPOS ? source.length() : d.getPosition())
                .min().orElse(-1);
    }
}
