package jconcur.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.aether.graph.Dependency;
import jconcur.kernel.engine.ExecuteOutcome;

/**
 * %maven group:artifact:version ... (IJava's %addMavenDependency / %addMavenDependencies too): resolves the
 * artifacts and their transitive dependencies and adds the jars to the user VM in one step, only when
 * all of them resolved.
 */
final class MavenMagic implements Magic {

    private final MavenResolver resolver;

    MavenMagic(MavenResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public List<String> aliases() {
        return List.of("addMavenDependency", "addMavenDependencies");
    }

    @Override
    public String usage() {
        return "%maven groupId:artifactId[:extension[:classifier]]:version ...";
    }

    @Override
    public String help() {
        return """
                Resolves the artifacts and their transitive (runtime) dependencies from Maven Central and the
                repositories added with %mavenRepo, through the local repository ~/.m2/repository, and adds
                the jars to the notebook's class path. Several artifacts may be given (spaces or commas).
                If any of them cannot be resolved, nothing is added.""";
    }

    @Override
    public ExecuteOutcome line(String args, MagicContext context) throws MagicUsageException, MagicFailedException {
        List<Dependency> dependencies = new ArrayList<>();
        for (String coordinates : MagicArgs.split(args.replace(',', ' '))) {
            dependencies.add(MavenResolver.dependency(coordinates));
        }
        if (dependencies.isEmpty()) {
            throw new MagicUsageException("%maven needs at least one artifact");
        }
        return addResolved(dependencies, resolver, context);
    }

    /** Resolves, then adds the jars not already added, and says what was added. */
    static ExecuteOutcome addResolved(List<Dependency> dependencies, MavenResolver resolver, MagicContext context)
            throws MagicFailedException {
        List<Path> jars = context.runInterruptibly(() -> resolver.resolve(dependencies));
        List<String> already = context.classpathAdditions();
        List<String> added = jars.stream().map(Path::toString).filter(p -> !already.contains(p)).distinct().toList();
        if (!added.isEmpty()) {
            context.addToClasspath(added);
        }
        StringBuilder message = new StringBuilder();
        if (added.isEmpty()) {
            message.append("Already on the class path: ");
        } else {
            message.append("Added ").append(added.size()).append(added.size() == 1 ? " jar" : " jars").append(": ");
        }
        message.append(String.join(", ", (added.isEmpty() ? jars.stream().map(Path::toString).toList() : added)
                .stream().map(p -> Path.of(p).getFileName().toString()).toList()));
        context.print(message.toString());
        return new ExecuteOutcome.Ok(Optional.empty());
    }
}
