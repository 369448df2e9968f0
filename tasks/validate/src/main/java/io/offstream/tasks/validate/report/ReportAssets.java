package io.offstream.tasks.validate.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What every run report inlines, read from the classpath (once per page: a task writes one or two): ECharts (the webjar
 * {@code org.webjars.npm:echarts}, its {@code dist/echarts.min.js}, whichever version the build
 * put on the classpath), the page's own script and its style sheet.
 */
final class ReportAssets {

    private static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private static final String ECHARTS = "META-INF/resources/webjars/echarts/%s/dist/echarts.min.js";

    private static final Pattern SCRIPT_END = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);

    private ReportAssets() {
    }

    static String echartsVersion() {
        Properties pom = new Properties();
        try (InputStream in = open(ECHARTS_POM)) {
            pom.load(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    static String echarts(String version) {
        return inlinable(text(String.format(ECHARTS, version)));
    }

    static String pageScript() {
        return inlinable(text("io/offstream/tasks/validate/report/run-report.js"));
    }

    static String style() {
        return text("io/offstream/tasks/validate/report/run-report.css");
    }

    /** A script's text as a {@code <script>} element's content: no {@code </script} ends it early. */
    static String inlinable(String script) {
        return SCRIPT_END.matcher(script).replaceAll("<\\\\/$1");
    }

    private static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = ReportAssets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("Not on the classpath: " + resource + " (the run report inlines it)");
        }
        return in;
    }
}
