package jconcur.kernel.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.graph.Dependency;
import jconcur.kernel.engine.ExecuteOutcome;

/** IJava's %loadFromPOM pom.xml and %%loadFromPOM (the cell is a POM or a fragment of one). */
final class LoadFromPomMagic implements Magic {

    private final MavenResolver resolver;

    LoadFromPomMagic(MavenResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return "loadFromPOM";
    }

    @Override
    public boolean isCell() {
        return true;
    }

    @Override
    public String usage() {
        return "%loadFromPOM PATH\n%%loadFromPOM";
    }

    @Override
    public String help() {
        return """
                Adds the compile and runtime dependencies a POM declares (with their transitive dependencies)
                and uses the repositories it declares. The cell form takes the POM, or just <dependencies> /
                <dependency> / <repositories> / <properties> elements, in the cell. ${property} references are
                replaced from its <properties>; parent POMs and dependencyManagement are not read.""";
    }

    @Override
    public ExecuteOutcome line(String args, MagicContext context) throws MagicUsageException, MagicFailedException {
        List<String> words = MagicArgs.split(args);
        if (words.size() != 1) {
            throw new MagicUsageException("%loadFromPOM needs the path of one POM file");
        }
        Path pom = Path.of(words.get(0)).toAbsolutePath();
        try {
            return load(Files.readString(pom), context);
        } catch (IOException e) {
            throw new MagicFailedException("FileNotFoundError", "cannot read " + pom + ": " + e.getMessage());
        }
    }

    @Override
    public ExecuteOutcome cell(String args, String body, MagicContext context)
            throws MagicUsageException, MagicFailedException {
        if (!args.isBlank()) {
            throw new MagicUsageException("%%loadFromPOM takes the POM in the cell, no arguments");
        }
        return load(body, context);
    }

    private ExecuteOutcome load(String xml, MagicContext context) throws MagicUsageException, MagicFailedException {
        PomDependencies pom = PomDependencies.parse(xml);
        if (pom.coordinates().isEmpty()) {
            throw new MagicUsageException("the POM declares no compile or runtime dependency");
        }
        pom.repositories().forEach(resolver::addRepository);
        List<Dependency> dependencies = new ArrayList<>();
        for (String c : pom.coordinates()) {
            dependencies.add(MavenResolver.dependency(c));
        }
        return MavenMagic.addResolved(dependencies, resolver, context);
    }
}
