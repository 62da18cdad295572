package jconcur.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven artifacts with their transitive runtime dependencies, from Maven Central and the
 * repositories added by %mavenRepo, into the local repository (~/.m2/repository, or -Dmaven.repo.local).
 * Every requested artifact resolves, or the whole request fails: callers add nothing on failure.
 */
final class MavenResolver {

    static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();

    private final List<RemoteRepository> repositories = new ArrayList<>(List.of(CENTRAL));
    private final Path localRepository;
    private RepositorySystem system;

    MavenResolver() {
        this(Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString())));
    }

    MavenResolver(Path localRepository) {
        this.localRepository = localRepository;
    }

    /** A dependency to resolve: coordinates groupId:artifactId[:extension[:classifier]]:version. */
    static Dependency dependency(String coordinates) throws MagicUsageException {
        try {
            return new Dependency(new DefaultArtifact(coordinates), JavaScopes.COMPILE);
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException("'" + coordinates
                    + "' is not a Maven artifact: write groupId:artifactId[:extension[:classifier]]:version");
        }
    }

    synchronized void addRepository(String id, String url) {
        repositories.removeIf(r -> r.getId().equals(id));
        repositories.add(new RemoteRepository.Builder(id, "default", url).build());
    }

    synchronized List<RemoteRepository> repositories() {
        return List.copyOf(repositories);
    }

    /** The jar files of the dependencies and of everything they need at run time, in class path order. */
    List<Path> resolve(List<Dependency> dependencies) throws MagicFailedException {
        RepositorySystem repositorySystem = system();
        CollectRequest collect = new CollectRequest();
        collect.setDependencies(dependencies);
        collect.setRepositories(repositories());
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(repositorySystem).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .build()) {
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : repositorySystem.resolveDependencies(session, request).getArtifactResults()) {
                if (result.getArtifact() != null && result.getArtifact().getPath() != null) {
                    jars.add(result.getArtifact().getPath());
                }
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new MagicFailedException("DependencyResolutionError", describe(e));
        }
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    /** The distinct messages of the exception and its causes: which artifact is missing, and where it was looked for. */
    static String describe(Throwable e) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                messages.add(t.getMessage().strip());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed.getMessage() != null) messages.add(suppressed.getMessage().strip());
            }
        }
        List<String> kept = new ArrayList<>();
        for (String m : messages) {
            // drop a message already contained in a longer one
            if (messages.stream().noneMatch(other -> other != m && other.length() > m.length() && other.contains(m))) {
                kept.add(m);
            }
        }
        return String.join("\n", kept);
    }
}
