package io.offstream.tasks.validate.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Writes HTML: every text escaped on its way in, so nothing a service or a message says can become markup. */
final class Html {

    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** {@code &}, {@code <}, {@code >}, {@code "} and {@code '} as entities; null as "". */
    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder escaped = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String number(Long n) {
        return n == null ? "" : String.format(Locale.ROOT, "%,d", n);
    }

    static String time(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", " UTC");
    }

    static String duration(Instant from, Instant to) {
        if (from == null || to == null) {
            return "";
        }
        Duration d = Duration.between(from, to);
        long s = d.toSeconds();
        return s < 60 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)
                : s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    /** Markup as it is: only for this class's callers' own literals. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(Object value) {
        out.append(escape(value));
        return this;
    }

    /** {@code <tag>text</tag>}, the text escaped. */
    Html element(String tag, Object text) {
        out.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append('>');
        return this;
    }

    /** A table; a column whose header is in {@code numeric} is right-aligned. Every cell escaped. */
    Html table(String cssClass, List<String> headers, List<List<String>> rows, List<String> numeric) {
        out.append("<table class=\"").append(escape(cssClass)).append("\"><thead><tr>");
        headers.forEach(h -> out.append(numeric.contains(h) ? "<th class=\"num\">" : "<th>").append(escape(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(numeric.contains(headers.get(i)) ? "<td class=\"num\">" : "<td>").append(escape(row.get(i))).append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        return this;
    }

    /** A chart's container: the page script draws into it and sets {@code data-points}. */
    Html chart(String id, String label) {
        out.append("<div class=\"chart\" id=\"").append(escape(id)).append("\" role=\"img\" aria-label=\"").append(escape(label))
                .append("\"></div>");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
