package jconcur.kernel.magic;

import java.util.List;
import java.util.Optional;
import jconcur.kernel.engine.ExecuteOutcome;
import jconcur.kernel.uservm.magic.VmFacts;

/**
 * %classpath shows the user VM's class path; %classpath PATH... (and IJava's %jars PATH...) adds jars or
 * directories, globs allowed, all or none: a missing path adds nothing.
 */
final class ClasspathMagic implements Magic {

    private final String name;

    private ClasspathMagic(String name) {
        this.name = name;
    }

    static ClasspathMagic classpath() {
        return new ClasspathMagic("classpath");
    }

    static ClasspathMagic jars() {
        return new ClasspathMagic("jars");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return name.equals("jars") ? "%jars PATH..." : "%classpath [PATH...]";
    }

    @Override
    public String help() {
        return (name.equals("jars") ? "" : "Without arguments, shows the user VM's class path and what this session added.\n")
                + "Adds jar files or class directories to the notebook's class path. Paths may be globs "
                + "(lib/*.jar, ~/jars/**.jar) or lists joined by the path separator. If one path does not "
                + "exist, nothing is added.";
    }

    @Override
    public ExecuteOutcome line(String args, MagicContext context) throws MagicUsageException, MagicFailedException {
        List<String> words = MagicArgs.split(args);
        if (words.isEmpty()) {
            if (name.equals("jars")) {
                throw new MagicUsageException("%jars needs at least one jar");
            }
            return show(context);
        }
        List<String> paths = ClasspathChange.expand(words);
        List<String> already = context.classpathAdditions();
        List<String> added = paths.stream().filter(p -> !already.contains(p)).distinct().toList();
        if (!added.isEmpty()) {
            context.addToClasspath(added);
        }
        context.print(added.isEmpty() ? "Already on the class path." : "Added to the class path:\n  " + String.join("\n  ", added));
        return new ExecuteOutcome.Ok(Optional.empty());
    }

    private static ExecuteOutcome show(MagicContext context) throws MagicFailedException {
        VmFacts.Facts facts = context.callUserVm(VmFacts.class.getName() + ".write(%s)", VmFacts.Facts.class);
        StringBuilder out = new StringBuilder("User VM class path:\n");
        facts.classPath().forEach(p -> out.append("  ").append(p).append('\n'));
        List<String> added = context.classpathAdditions();
        if (!added.isEmpty()) {
            out.append("Added in this session (%maven, %classpath, %jars):\n");
            added.forEach(p -> out.append("  ").append(p).append('\n'));
        }
        context.print(out.toString());
        return new ExecuteOutcome.Ok(Optional.empty());
    }
}
