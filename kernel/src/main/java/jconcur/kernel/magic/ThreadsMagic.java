package jconcur.kernel.magic;

import jconcur.kernel.engine.ExecuteOutcome;
import jconcur.kernel.uservm.magic.ThreadsMagicInUserVm;

/** %threads: a thread dump of the user VM with the locks threads wait for, their owners, and deadlocks. */
final class ThreadsMagic implements Magic {

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public String usage() {
        return "%threads [-a]";
    }

    @Override
    public String help() {
        return "Prints every platform thread of the user VM (those started by earlier cells included): its "
                + "state, stack, the lock it waits for and which thread owns it, the monitors and locks it "
                + "holds, and any deadlock. -a also lists JVM and JShell housekeeping threads.";
    }

    @Override
    public ExecuteOutcome line(String args, MagicContext context) throws MagicUsageException, MagicFailedException {
        if (!args.isBlank() && !args.strip().equals("-a")) {
            throw new MagicUsageException("%threads takes no arguments but -a");
        }
        return context.runJava(ThreadsMagicInUserVm.class.getName() + ".print(" + args.strip().equals("-a") + ");");
    }
}
