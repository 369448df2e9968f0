package io.offstream.consumer.core.invoke;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.offstream.consumer.core.json.PlainJsonCodec;
import io.offstream.consumer.core.json.PlainJsonWriter;
import io.offstream.consumer.core.retry.TransientServiceException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;

/**
 * Remote mode ({@code invoke.http}), for services that are not Java: the request is POSTed as plain
 * JSON ({@link PlainJsonCodec}) to the service's endpoint asynchronously and the plain JSON answer
 * read back with the response schema as a {@link GenericRecord}. 429 and 5xx answers are
 * {@link TransientServiceException}s (retried); other non-2xx answers are
 * {@link RemoteServiceException}s (dead-lettered with the status and body); I/O errors and timeouts
 * are transient. An answer that does not fit the response schema is a
 * {@link io.offstream.consumer.core.json.PlainJsonException} (dead-lettered).
 */
public final class HttpServiceInvoker implements ServiceInvoker<IndexedRecord, IndexedRecord> {

    private final URI endpoint;

    private final Duration timeout;

    private final PlainJsonCodec<GenericRecord> results;

    private final ExecutorService executor;

    private final HttpClient client;

    /**
     * @param endpoint where requests are POSTed
     * @param timeout how long one request may take (connect and answer)
     * @param responseSchema the current response version: what answers are read as
     */
    public HttpServiceInvoker(URI endpoint, Duration timeout, Schema responseSchema) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.results = PlainJsonCodec.of(responseSchema);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "offstream-http");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .executor(executor)
                .build();
    }

    @Override
    public CompletableFuture<IndexedRecord> invoke(IndexedRecord request) {
        HttpRequest httpRequest = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(PlainJsonWriter.write(request)))
                .build();
        return client.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray()).thenApply(this::result);
    }

    private IndexedRecord result(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return results.read(response.body());
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String message = "HTTP " + status + " from " + endpoint + ": " + (body.length() > 500 ? body.substring(0, 500) : body);
        if (status == 429 || status >= 500) {
            throw new TransientServiceException(message);
        }
        throw new RemoteServiceException(status, message);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
