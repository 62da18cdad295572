package jconcur.kernel.magic;

import java.util.Optional;
import jconcur.kernel.engine.ExecuteOutcome;

/** %reset: a fresh user VM with the same options; everything the notebook defined is gone. */
final class ResetMagic implements Magic {

    @Override
    public String name() {
        return "reset";
    }

    @Override
    public String usage() {
        return "%reset [-f]";
    }

    @Override
    public String help() {
        return "Replaces the user VM by a fresh one with the same options and the preloaded helpers: every "
                + "definition, variable, import and running thread is gone; class path additions stay. "
                + "-f is accepted for IPython habits (there is no confirmation to skip).";
    }

    @Override
    public ExecuteOutcome line(String args, MagicContext context) throws MagicUsageException {
        if (!args.isBlank() && !args.strip().equals("-f")) {
            throw new MagicUsageException("%reset takes no arguments but -f");
        }
        context.restartUserVm(context.userVmOptions());
        context.print("Started a fresh user VM: all definitions, variables and imports were reset "
                + "(class path additions are kept).");
        return new ExecuteOutcome.Ok(Optional.empty());
    }
}
