package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import jconcur.charts.Charts;
import jconcur.concurrency.Stats;
import jconcur.display.MimeBundle;
import jconcur.kernel.protocol.Kernel;
import org.junit.jupiter.api.Test;

/**
 * The layering of the compiled code, read with jdeps: no package cycle anywhere in jconcur, and the Jupyter
 * protocol layers (protocol, wire) stand on the display types only, never on the charts or their chart library.
 */
class PackageDependenciesTest {

    private static final PackageGraph GRAPH = PackageGraph.of(
            Stream.of(MimeBundle.class, Stats.class, Charts.class, Kernel.class).map(PackageDependenciesTest::archive).toList());

    @Test
    void noPackageCycle() {
        assertEquals(Optional.empty(), GRAPH.cycle("jconcur."), "package cycle");
    }

    @Test
    void theProtocolLayersUseNoChartsAndNoChartLibrary() {
        for (String layer : List.of("jconcur.kernel.protocol", "jconcur.kernel.wire")) {
            assertTrue(GRAPH.uses().containsKey(layer), "jdeps read " + layer);
            assertEquals(Set.of(), GRAPH.usesOf(layer, "jconcur.charts"), layer + " uses charts");
            assertEquals(Set.of(), GRAPH.usesOf(layer, "org.knowm.xchart"), layer + " uses XChart");
        }
    }

    @Test
    void theDisplayTypesStandOnNothingOfJconcur() {
        assertEquals(Set.of(), GRAPH.usesOf("jconcur.display", "jconcur."));
        assertEquals(Set.of(), GRAPH.usesOf("jconcur.display", "org.knowm.xchart"));
    }

    @Test
    void aCycleIsFoundAndShown() {
        PackageGraph graph = PackageGraph.parse("""
                a.jar -> java.base
                   p.a                 -> p.b                 a.jar
                   p.b                 -> java.lang           java.base
                   p.b                 -> p.c                 a.jar
                   p.c                 -> p.a                 a.jar
                   p.d                 -> p.a                 a.jar
                """);
        assertEquals(Optional.of(List.of("p.a", "p.b", "p.c", "p.a")), graph.cycle("p."));
        assertEquals(Optional.empty(), PackageGraph.parse("   p.a -> p.b a.jar\n   p.c -> p.b a.jar\n").cycle("p."));
    }

    /** The class directory or jar a class was loaded from. */
    private static Path archive(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
