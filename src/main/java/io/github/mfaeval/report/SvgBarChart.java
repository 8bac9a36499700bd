package io.github.mfaeval.report;

import java.util.List;

/**
 * A horizontal stacked bar chart as inline SVG: one labelled bar per row, one coloured segment per part, the
 * counts written beside the bar (a chart must be readable printed in black and white, too).
 */
public final class SvgBarChart {
    /** One part of a bar; colours are fixed by the renderer, never taken from input. */
    public record Segment(String name, long value, String color) {
    }

    public record Bar(String label, List<Segment> segments) {
        long total() {
            return segments.stream().mapToLong(Segment::value).sum();
        }
    }

    private static final int WIDTH = 900;
    private static final int BAR_AREA = 600;
    private static final int ROW = 50;
    private static final int TOP = 34;

    private SvgBarChart() {
    }

    public static String render(String id, String title, String description, List<Segment> legend, List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(1));
        int height = TOP + bars.size() * ROW + 4;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" id=\"").append(id).append("\" role=\"img\" aria-labelledby=\"").append(id)
                .append("-title ").append(id).append("-desc\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        svg.append("<title id=\"").append(id).append("-title\">").append(Html.esc(title)).append("</title>\n");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(Html.esc(description)).append("</desc>\n");
        int x = 0;
        for (Segment s : legend) {
            svg.append("<rect x=\"").append(x).append("\" y=\"6\" width=\"12\" height=\"12\" rx=\"2\" fill=\"").append(s.color()).append("\"/>");
            svg.append("<text x=\"").append(x + 18).append("\" y=\"17\" font-size=\"13\" fill=\"#1d2433\">").append(Html.esc(s.name())).append("</text>\n");
            x += 30 + 8 * s.name().length();
        }
        int y = TOP;
        for (Bar bar : bars) {
            svg.append("<g class=\"bar\">");
            svg.append("<text x=\"0\" y=\"").append(y + 13).append("\" font-size=\"13\" font-weight=\"600\" fill=\"#1d2433\">")
                    .append(Html.esc(bar.label())).append("</text>");
            double at = 0;
            StringBuilder counts = new StringBuilder();
            for (Segment s : bar.segments()) {
                if (s.value() <= 0) continue;
                double w = Math.max(2, (double) s.value() * BAR_AREA / max);
                svg.append("<rect x=\"").append(fmt(at)).append("\" y=\"").append(y + 20).append("\" width=\"").append(fmt(w))
                        .append("\" height=\"20\" fill=\"").append(s.color()).append("\"><title>")
                        .append(Html.esc(bar.label() + ": " + s.value() + " " + s.name())).append("</title></rect>");
                at += w;
                if (!counts.isEmpty()) counts.append(" \u00b7 ");
                counts.append(s.value()).append(' ').append(s.name());
            }
            svg.append("<text x=\"").append(fmt(at + 8)).append("\" y=\"").append(y + 35)
                    .append("\" font-size=\"13\" fill=\"#5b6475\">").append(Html.esc(counts)).append("</text>");
            svg.append("</g>\n");
            y += ROW;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
