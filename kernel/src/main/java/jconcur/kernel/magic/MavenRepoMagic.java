package jconcur.kernel.magic;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import jconcur.kernel.engine.ExecuteOutcome;
import org.eclipse.aether.repository.RemoteRepository;

/** %mavenRepo id url (IJava): another Maven repository for %maven and %loadFromPOM; with no arguments, lists them. */
final class MavenRepoMagic implements Magic {

    private final MavenResolver resolver;

    MavenRepoMagic(MavenResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return "mavenRepo";
    }

    @Override
    public String usage() {
        return "%mavenRepo [ID URL]";
    }

    @Override
    public String help() {
        return "Adds a Maven repository that %maven and %loadFromPOM search after Maven Central; "
                + "without arguments lists the repositories.";
    }

    @Override
    public ExecuteOutcome line(String args, MagicContext context) throws MagicUsageException {
        List<String> words = MagicArgs.split(args);
        if (words.isEmpty()) {
            StringBuilder out = new StringBuilder("Maven repositories:\n");
            for (RemoteRepository r : resolver.repositories()) {
                out.append("  ").append(r.getId()).append("  ").append(r.getUrl()).append('\n');
            }
            context.print(out.toString());
            return new ExecuteOutcome.Ok(Optional.empty());
        }
        if (words.size() != 2) {
            throw new MagicUsageException("%mavenRepo needs an id and a URL");
        }
        try {
            URI uri = URI.create(words.get(1));
            if (uri.getScheme() == null) throw new IllegalArgumentException();
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException("'" + words.get(1) + "' is not a URL");
        }
        resolver.addRepository(words.get(0), words.get(1));
        context.print("Added Maven repository " + words.get(0) + " (" + words.get(1) + ")");
        return new ExecuteOutcome.Ok(Optional.empty());
    }
}
