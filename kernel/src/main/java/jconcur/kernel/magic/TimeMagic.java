package jconcur.kernel.magic;

import jconcur.kernel.engine.ExecuteOutcome;
import jconcur.kernel.uservm.magic.TimeMagicInUserVm;

/**
 * %time and %%time: CPU (user, sys, total) and wall time of the user VM while the code runs, printed as
 * IPython prints them. A single expression is timed exactly, inside a lambda, and its value is the cell's
 * value; other code (declarations, several statements) runs as usual between two probes, so its
 * declarations stay defined, and its wall time includes JShell's compilation of the cell.
 */
final class TimeMagic implements JavaBodyMagic {

    private static final String IN_USER_VM = TimeMagicInUserVm.class.getName();

    @Override
    public String name() {
        return "time";
    }

    @Override
    public boolean isCell() {
        return true;
    }

    @Override
    public String usage() {
        return "%time STATEMENT\n%%time";
    }

    @Override
    public String help() {
        return """
                Runs the statement (or the cell) once and prints the CPU times of the user VM (all its threads:
                user, sys, total) and the wall time, as IPython does. A single expression is timed exactly and
                its value is shown; declarations and several statements run as a normal cell between two
                probes, so what they define stays defined and the wall time also counts JShell's compilation
                of the cell (typically tens of ms). Use %timeit for precise figures of short code.""";
    }

    @Override
    public ExecuteOutcome line(String args, MagicContext context) throws MagicUsageException, MagicFailedException {
        if (args.isBlank()) {
            throw new MagicUsageException("%time needs a statement to time");
        }
        return time(args, context, "");
    }

    @Override
    public ExecuteOutcome cell(String args, String body, MagicContext context)
            throws MagicUsageException, MagicFailedException {
        if (!args.isBlank()) {
            throw new MagicUsageException("Can't use statement directly after '%%time'!");
        }
        if (body.isBlank()) {
            throw new MagicUsageException("%%time needs code in the cell to time");
        }
        return time(body, context, "\n");
    }

    /**
     * @param lineBreak "\n" when code starts on the line after the magic (%%time): the generated call takes the
     *                  magic's line, so that errors name the cell's lines; "" for code on the magic's line
     */
    private static ExecuteOutcome time(String code, MagicContext context, String lineBreak) throws MagicFailedException {
        if (JavaSource.isSingleExpression(code)) {
            return context.engine().execute(IN_USER_VM + ".time(() -> " + lineBreak
                    + JavaSource.withoutTrailingSemicolon(code) + "\n)");
        }
        context.runJava(IN_USER_VM + ".start();");
        long start = System.nanoTime();
        ExecuteOutcome outcome = context.engine().execute(lineBreak + code);
        long wall = System.nanoTime() - start;
        if (outcome instanceof ExecuteOutcome.Failed) {
            return outcome;
        }
        context.runJava(IN_USER_VM + ".stop(" + wall + "L);");
        return outcome;
    }
}
