package jconcur.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import jconcur.concurrency.Comparison;
import jconcur.concurrency.SweepResult;
import jconcur.display.MimeBundle;
import jconcur.display.Renderable;
import org.junit.jupiter.api.Test;

class RenderersTest {

    private static BufferedImage png(Object base64) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) base64)));
        assertNotNull(image);
        return image;
    }

    @Test
    void chartsRenderAsPngWithSizeMetadata() throws Exception {
        MimeBundle bundle = Renderers.render(Charts.amdahlChart(8, 0.1)).orElseThrow();
        assertEquals(720, png(bundle.data().get("image/png")).getWidth());
        assertTrue(((String) bundle.data().get("text/plain")).startsWith("XYChart 'Amdahl's law'"));
        assertFalse(bundle.data().containsKey("image/svg+xml"));
        assertEquals(Map.of("width", 720, "height", 400), bundle.metadata().get("image/png"));
    }

    @Test
    void svgOnRequest() {
        MimeBundle wrapped = Renderers.render(Charts.svg(Charts.amdahlChart(8, 0.1))).orElseThrow();
        assertTrue(((String) wrapped.data().get("image/svg+xml")).contains("<svg"));
        Renderers.includeSvg(true);
        try {
            assertTrue(Renderers.render(Charts.amdahlChart(8, 0.1)).orElseThrow().data().containsKey("image/svg+xml"));
        } finally {
            Renderers.includeSvg(false);
        }
    }

    @Test
    void sweepsRenderAsHtmlTableWithEmbeddedChartsPlusPngAndText() throws Exception {
        SweepResult<String> sweep = jconcur.charts.Fixtures.syntheticSweep();
        MimeBundle bundle = Renderers.render(sweep).orElseThrow();
        String html = (String) bundle.data().get("text/html");
        assertTrue(html.startsWith("<div class=\"jconcur-sweep\">"));
        assertEquals(2, html.split("src=\"data:image/png;base64,", -1).length - 1, "time and speedup charts");
        assertEquals(400, png(bundle.data().get("image/png")).getHeight());
        assertEquals(sweep.toString(), bundle.data().get("text/plain"));
    }

    @Test
    void comparisonsRenderAsHtmlPlusBarChart() throws Exception {
        Comparison<Integer> comparison = jconcur.charts.Fixtures.syntheticComparison();
        MimeBundle bundle = Renderers.render(comparison).orElseThrow();
        assertTrue(((String) bundle.data().get("text/html")).contains("data:image/png;base64,"));
        png(bundle.data().get("image/png"));
    }

    @Test
    void imagesRenderablesAndOtherValues() throws Exception {
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        assertEquals(30, png(Renderers.render(image).orElseThrow().data().get("image/png")).getWidth());
        Renderable own = () -> new MimeBundle(Map.of("text/markdown", "**hi**"), null);
        assertEquals("**hi**", Renderers.render(own).orElseThrow().data().get("text/markdown"));
        assertEquals(Optional.empty(), Renderers.render("just a string"));
        assertEquals(Optional.empty(), Renderers.render(null));
        assertEquals(Optional.empty(), Renderers.render(42));
    }

    @Test
    void aBrokenRenderableFallsBackToText() {
        Renderable broken = () -> {
            throw new IllegalStateException("nope");
        };
        MimeBundle bundle = Renderers.render(broken).orElseThrow();
        assertTrue(((String) bundle.data().get("text/plain")).contains("rendering failed: java.lang.IllegalStateException: nope"));
    }
}
