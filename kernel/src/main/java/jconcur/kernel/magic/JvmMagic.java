package jconcur.kernel.magic;

import java.util.List;
import java.util.Optional;
import jconcur.kernel.engine.ExecuteOutcome;
import jconcur.kernel.uservm.magic.VmFacts;

/**
 * %jvm shows the user VM's Java and options; %jvm OPTIONS... restarts the user VM with those options
 * (all state is lost), and goes back to the previous options if the VM cannot start with the new ones.
 */
final class JvmMagic implements Magic {

    private static final String FACTS = VmFacts.class.getName() + ".write(%s)";

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public String usage() {
        return "%jvm [OPTION...]";
    }

    @Override
    public String help() {
        return """
                Without arguments, shows the user VM's Java version and JVM options. With options (e.g.
                %jvm -Xmx2g -ea -XX:+UseParallelGC), restarts the user VM with exactly these options: every
                definition, variable and import is reset; class path additions (%maven, %classpath) are kept.
                Keep -ea if you want assert statements checked.""";
    }

    @Override
    public ExecuteOutcome line(String args, MagicContext context) throws MagicUsageException, MagicFailedException {
        List<String> options = MagicArgs.split(args);
        if (options.isEmpty()) {
            VmFacts.Facts facts = context.callUserVm(FACTS, VmFacts.Facts.class);
            context.print("User VM: Java " + facts.javaVersion() + " (" + facts.javaHome() + ")\n"
                    + "JVM options: " + String.join(" ", facts.jvmOptions().stream()
                            .filter(o -> !o.startsWith("-agentlib:jdwp")).toList()) + "\n"
                    + "%jvm OPTIONS... restarts the user VM with other options.");
            return new ExecuteOutcome.Ok(Optional.empty());
        }
        for (String option : options) {
            if (!option.startsWith("-")) {
                throw new MagicUsageException("'" + option + "' is not a JVM option (options start with -)");
            }
        }
        String problem = context.runInterruptibly(() -> JvmOptionsCheck.problem(options));
        if (problem != null) {
            throw new MagicFailedException("JvmOptionsError", "the JVM does not start with " + String.join(" ", options)
                    + "; the user VM was left as it was.\n" + problem);
        }
        context.restartUserVm(options);
        VmFacts.Facts facts = context.callUserVm(FACTS, VmFacts.Facts.class);
        context.print("Restarted the user VM (Java " + facts.javaVersion() + ") with options: "
                + String.join(" ", options) + "\nAll state was reset: definitions, variables and imports are gone "
                + "(class path additions are kept).");
        return new ExecuteOutcome.Ok(Optional.empty());
    }
}
