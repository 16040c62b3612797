package dev.wasmrt.benchmarks.report;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgBarChartTest {

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void drawsOneBarPerFiniteValueOnALogAxisAroundOne() throws Exception {
        String svg = SvgBarChart.render("t <&>", List.of("a", "b"), List.of(
                new SvgBarChart.Series("slow", "#111", new double[] {100, 0.1}),
                new SvgBarChart.Series("missing", "#222", new double[] {Double.NaN, 10})));
        Document doc = parse(svg);
        NodeList rects = doc.getElementsByTagName("rect");
        int bars = 0;
        double one = Double.NaN, hundred = Double.NaN, tenth = Double.NaN;
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getElementsByTagName("title").getLength() == 0) continue;
            bars++;
            String title = r.getElementsByTagName("title").item(0).getTextContent();
            double x = Double.parseDouble(r.getAttribute("x")), w = Double.parseDouble(r.getAttribute("width"));
            if (title.endsWith("100×")) { one = x; hundred = x + w; }
            if (title.endsWith("0.10×")) tenth = x;
        }
        assertEquals(3, bars, "NaN draws no bar");
        // Decades are equally wide: 0.1 .. 1 is half as long as 1 .. 100.
        assertEquals(hundred - one, 2 * (one - tenth), 0.5);
        assertTrue(svg.contains("t &lt;&amp;&gt;"));
    }
}
