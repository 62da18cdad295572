package jconcur.kernel.magic;

import java.util.Set;
import jconcur.kernel.engine.ExecuteOutcome;
import jconcur.kernel.uservm.magic.TimeitMagicInUserVm;

/**
 * %timeit and %%timeit as in IPython: the code becomes the body of a lambda that the user VM runs
 * repeat times in loops of N (chosen automatically unless -n is given), then prints
 * {@code mean ± std. dev. per loop (mean ± std. dev. of R runs, N loops each)}.
 */
final class TimeitMagic implements JavaBodyMagic {

    private static final String TIMEIT = TimeitMagicInUserVm.class.getName();
    private static final Set<String> VALUE_OPTIONS = Set.of("-n", "-r", "-p");
    private static final Set<String> FLAGS = Set.of("-q", "-o");

    @Override
    public String name() {
        return "timeit";
    }

    @Override
    public boolean isCell() {
        return true;
    }

    @Override
    public String usage() {
        return "%timeit [-n N] [-r R] [-p P] [-q] [-o] STATEMENT\n%%timeit [-n N] [-r R] [-p P] [-q] [-o] [SETUP]";
    }

    @Override
    public String help() {
        return """
                Times a statement or expression (the cell body with %%timeit) in the user VM, as IPython does:
                  -n N  loops per run (default: 1, 10, 100, ... until a run takes at least 0.2 s)
                  -r R  runs (default 7); the result is the mean and standard deviation of the time per loop
                  -p P  significant digits of the times (default 3)
                  -q    print nothing;  -o  return the TimeitResult as the cell's value
                With %%timeit, code on the first line is setup: it runs once first, and what it declares
                is visible to the timed body. Values of timed expressions are kept so that the JIT cannot
                drop their computation.""";
    }

    @Override
    public ExecuteOutcome line(String args, MagicContext context) throws MagicUsageException, MagicFailedException {
        MagicArgs parsed = MagicArgs.parse(args, VALUE_OPTIONS, FLAGS);
        if (parsed.rest().isBlank()) {
            throw new MagicUsageException("%timeit needs a statement to time");
        }
        return context.engine().execute(snippet(parsed, parsed.rest(), ""));
    }

    @Override
    public ExecuteOutcome cell(String args, String body, MagicContext context)
            throws MagicUsageException, MagicFailedException {
        MagicArgs parsed = MagicArgs.parse(args, VALUE_OPTIONS, FLAGS);
        if (body.isBlank()) {
            throw new MagicUsageException("%%timeit needs code in the cell to time");
        }
        if (!parsed.rest().isBlank()) {
            context.runJava(parsed.rest());
        }
        return context.engine().execute(snippet(parsed, body, "\n"));
    }

    /**
     * The user-VM call; with -o it is an expression, so its value becomes the cell's value.
     * @param lineBreak "\n" when code starts on the line after the magic (%%timeit): the generated call takes
     *                  the magic's line, so that errors name the cell's lines; "" for code on the magic's line
     */
    static String snippet(MagicArgs args, String code, String lineBreak) throws MagicUsageException {
        int loops = args.intOption("-n", 0, 1);
        int repeat = args.intOption("-r", 7, 1);
        int precision = args.intOption("-p", 3, 1);
        boolean returnResult = args.has("-o");
        String call = TIMEIT + (returnResult ? ".result(" : ".run(") + loops + ", " + repeat + ", " + precision
                + ", " + args.has("-q") + ", " + lambda(code, lineBreak) + ")";
        return returnResult ? call : call + ";";
    }

    static String lambda(String code, String lineBreak) {
        if (JavaSource.isSingleExpression(code)) {
            return "() -> " + lineBreak + JavaSource.withoutTrailingSemicolon(code) + "\n";
        }
        String body = code.stripTrailing();
        String masked = JavaSource.maskLiteralsAndComments(body).strip();
        boolean terminated = masked.endsWith(";") || masked.endsWith("}");
        return "() -> { " + lineBreak + body + (terminated ? "" : "\n;") + "\n}";
    }
}
