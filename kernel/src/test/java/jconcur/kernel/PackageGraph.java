package jconcur.kernel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

/**
 * Which package uses which, as the JDK's jdeps reads it from compiled classes (the same tool dev/deps.sh runs).
 *
 * @param uses package -> the packages its classes refer to (other than itself)
 */
record PackageGraph(Map<String, Set<String>> uses) {

    /** Reads the graph of the given class directories or jars with {@code jdeps -verbose:package}. */
    static PackageGraph of(List<Path> archives) {
        List<String> args = new ArrayList<>(List.of("-verbose:package", "-filter:package"));
        archives.forEach(archive -> args.add(archive.toString()));
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("this JDK has no jdeps tool"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("jdeps " + args + " failed (" + status + "): " + err + out);
        }
        return parse(out.toString());
    }

    /** Parses jdeps' package lines, "   from.package   -> to.package   archive". */
    static PackageGraph parse(String jdepsOutput) {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String line : jdepsOutput.split("\n")) {
            if (!line.startsWith(" ")) {
                continue; // archive lines ("a.jar -> java.base") name no package
            }
            String[] words = line.strip().split("\\s+");
            if (words.length >= 3 && words[1].equals("->") && !words[0].equals(words[2])) {
                uses.computeIfAbsent(words[0], p -> new TreeSet<>()).add(words[2]);
            }
        }
        return new PackageGraph(uses);
    }

    /** A package cycle (first package repeated at the end), if there is one among the packages with this prefix. */
    Optional<List<String>> cycle(String prefix) {
        Set<String> done = new TreeSet<>();
        for (String start : uses.keySet()) {
            if (start.startsWith(prefix)) {
                Optional<List<String>> found = cycleFrom(start, prefix, new ArrayList<>(), done);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> cycleFrom(String pkg, String prefix, List<String> path, Set<String> done) {
        int seen = path.indexOf(pkg);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(pkg);
            return Optional.of(cycle);
        }
        if (done.contains(pkg)) {
            return Optional.empty();
        }
        path.add(pkg);
        for (String used : uses.getOrDefault(pkg, Set.of())) {
            if (used.startsWith(prefix)) {
                Optional<List<String>> found = cycleFrom(used, prefix, path, done);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        done.add(pkg);
        return Optional.empty();
    }

    /** The packages {@code pkg} uses whose names start with {@code prefix}. */
    Set<String> usesOf(String pkg, String prefix) {
        Set<String> found = new TreeSet<>();
        uses.getOrDefault(pkg, Set.of()).stream().filter(p -> p.startsWith(prefix)).forEach(found::add);
        return found;
    }
}
