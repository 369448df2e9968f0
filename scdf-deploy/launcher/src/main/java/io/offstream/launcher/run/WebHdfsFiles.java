package io.offstream.launcher.run;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A landing root on HDFS, read through the NameNode's WebHDFS REST API ({@code op=OPEN}, which
 * redirects to a DataNode holding the file), so the launcher needs no Hadoop client. {@code file:}
 * URIs are read from disk.
 */
public final class WebHdfsFiles implements LandingFiles {

    private final URI webHdfs;

    private final String user;

    private final HttpClient client;

    /**
     * @param webHdfs {@code http://<namenode>:<http port>/webhdfs/v1}
     * @param user the user name WebHDFS's simple authentication is given
     */
    public WebHdfsFiles(URI webHdfs, String user) {
        this.webHdfs = webHdfs;
        this.user = user;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The WebHDFS address that opens an {@code hdfs://} file (its path only: the NameNode is this one). */
    URI openUri(URI file) {
        return URI.create(webHdfs + file.getRawPath() + "?op=OPEN&user.name=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<String> read(URI file) {
        if (!"hdfs".equals(file.getScheme())) {
            return LandingFiles.local().read(file);
        }
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(openUri(file)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
