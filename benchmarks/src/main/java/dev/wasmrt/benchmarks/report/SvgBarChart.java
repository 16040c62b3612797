package dev.wasmrt.benchmarks.report;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal grouped bar chart of ratios on a logarithmic axis, as standalone SVG. Ratios
 * span orders of magnitude (an interpreter against a native-code JIT), so a linear axis would
 * hide everything but the largest; a marked line at 1 separates faster from slower.
 */
final class SvgBarChart {
    /** One bar series, e.g. "compiler / Chicory compiler", with a value per group (NaN: no bar). */
    record Series(String name, String color, double[] values) {}

    private static final int LABEL_WIDTH = 120;
    private static final int PLOT_WIDTH = 560;
    private static final int BAR_HEIGHT = 12;
    private static final int GROUP_GAP = 10;
    private static final int TOP = 40;

    private SvgBarChart() {}

    static String render(String title, List<String> groups, List<Series> series) {
        double min = 1, max = 1;
        for (Series s : series) {
            for (double v : s.values()) {
                if (v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        int lowDecade = (int) Math.floor(Math.log10(min));
        int highDecade = Math.max(lowDecade + 1, (int) Math.ceil(Math.log10(max)));
        int groupHeight = series.size() * BAR_HEIGHT + GROUP_GAP;
        int plotHeight = groups.size() * groupHeight;
        int legendTop = TOP + plotHeight + 30;
        int height = legendTop + series.size() * 16 + 10;
        int width = LABEL_WIDTH + PLOT_WIDTH + 60;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                LABEL_WIDTH, escape(title)));
        for (int d = lowDecade; d <= highDecade; d++) {
            double x = LABEL_WIDTH + position(Math.pow(10, d), lowDecade, highDecade);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%s\"/>%n",
                    x, TOP - 5, x, TOP + plotHeight, d == 0 ? "black" : "#ccc", d == 0 ? "1.5" : "1"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, TOP + plotHeight + 14, decadeLabel(d)));
        }
        for (int g = 0; g < groups.size(); g++) {
            int groupTop = TOP + g * groupHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LABEL_WIDTH - 6, groupTop + series.size() * BAR_HEIGHT / 2 + 4, escape(groups.get(g))));
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).values()[g];
                if (!(v > 0) || !Double.isFinite(v)) continue;
                double x1 = LABEL_WIDTH + position(1, lowDecade, highDecade);
                double x2 = LABEL_WIDTH + position(v, lowDecade, highDecade);
                int y = groupTop + s * BAR_HEIGHT;
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>%n",
                        Math.min(x1, x2), y, Math.max(1, Math.abs(x2 - x1)), BAR_HEIGHT - 2, series.get(s).color(),
                        escape(series.get(s).name()), ratio(v)));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"9\">%s</text>%n",
                        Math.max(x1, x2) + 3, y + BAR_HEIGHT - 3, ratio(v)));
            }
        }
        for (int s = 0; s < series.size(); s++) {
            int y = legendTop + s * 16;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"%s\"/>%n",
                    LABEL_WIDTH, y, series.get(s).color()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n",
                    LABEL_WIDTH + 18, y + 9, escape(series.get(s).name())));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double position(double value, int lowDecade, int highDecade) {
        return (Math.log10(value) - lowDecade) / (highDecade - lowDecade) * PLOT_WIDTH;
    }

    private static String decadeLabel(int decade) {
        return decade >= 0 ? String.format(Locale.ROOT, "%.0f×", Math.pow(10, decade))
                : String.format(Locale.ROOT, "%s×", Math.pow(10, decade));
    }

    static String ratio(double v) {
        return String.format(Locale.ROOT, v >= 10 ? "%.0f×" : "%.2f×", v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
