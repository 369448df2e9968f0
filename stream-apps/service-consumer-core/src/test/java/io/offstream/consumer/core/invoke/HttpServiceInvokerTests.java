package io.offstream.consumer.core.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.offstream.consumer.core.TestRecords;
import io.offstream.consumer.core.json.PlainJsonException;
import io.offstream.consumer.core.json.PlainJsonWriter;
import io.offstream.consumer.core.retry.ExceptionClassifier;
import io.offstream.consumer.core.retry.TransientServiceException;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The remote mode against a small JDK HTTP server on the loopback: the plain JSON contract and how each answer is classified. */
class HttpServiceInvokerTests {

    private final AtomicReference<Answer> answer = new AtomicReference<>();

    private final AtomicReference<String> received = new AtomicReference<>();

    private final AtomicReference<String> contentType = new AtomicReference<>();

    private HttpServer server;

    private HttpServiceInvoker invoker;

    /** What the server answers: a status and a body, after a delay. */
    private record Answer(int status, String body, long delayMillis) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/price", this::handle);
        server.start();
        invoker = new HttpServiceInvoker(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/price"),
                Duration.ofMillis(1500), TestRecords.EVERYTHING);
    }

    @AfterEach
    void stopServer() {
        invoker.close();
        server.stop(0);
    }

    @Test
    void postsTheRequestAsPlainJsonAndReadsTheAnswerWithTheResponseSchema() throws Exception {
        GenericRecord request = TestRecords.everything();
        String answerJson = new String(PlainJsonWriter.write(request), StandardCharsets.UTF_8).replace("12.30", "99.95");
        answer.set(new Answer(200, answerJson, 0));

        IndexedRecord result = invoker.invoke(request).get(5, TimeUnit.SECONDS);

        assertThat(received.get()).isEqualTo(new String(PlainJsonWriter.write(request), StandardCharsets.UTF_8));
        assertThat(contentType.get()).isEqualTo("application/json");
        assertThat(result).isInstanceOf(GenericRecord.class);
        assertThat(((GenericRecord) result).get("price")).isEqualTo(new BigDecimal("99.95"));
        assertThat(((GenericRecord) result).get("at_micros")).isEqualTo(TestRecords.AT_MICROS);
    }

    @Test
    void tooManyRequestsAndServerErrorsAreTransient() {
        answer.set(new Answer(429, "slow down", 0));
        assertThat(failure()).isInstanceOf(TransientServiceException.class).hasMessageContaining("HTTP 429").hasMessageContaining("slow down");
        answer.set(new Answer(503, "overloaded", 0));
        assertThat(failure()).isInstanceOf(TransientServiceException.class).hasMessageContaining("HTTP 503");
    }

    @Test
    void otherStatusesAreTheServicesRefusalWithStatusAndBody() {
        answer.set(new Answer(400, "{\"error\":\"unknown currency XXX\"}", 0));
        Throwable failure = failure();
        assertThat(failure).isInstanceOf(RemoteServiceException.class).hasMessageContaining("HTTP 400").hasMessageContaining("XXX");
        assertThat(((RemoteServiceException) failure).status()).isEqualTo(400);
        assertThat(ExceptionClassifier.defaults().isTransient(failure)).isFalse();
    }

    @Test
    void aTimeoutAndAnUnreachableServiceAreTransient() throws IOException {
        answer.set(new Answer(200, "{}", 3000));
        Throwable timeout = failure();
        assertThat(timeout).isInstanceOf(HttpTimeoutException.class);
        assertThat(ExceptionClassifier.defaults().isTransient(timeout)).isTrue();

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (HttpServiceInvoker unreachable = new HttpServiceInvoker(URI.create("http://127.0.0.1:" + closedPort + "/price"),
                Duration.ofSeconds(2), TestRecords.EVERYTHING)) {
            Throwable refused = ExceptionClassifier.unwrap(unreachable.invoke(TestRecords.everything()).handle((r, e) -> e).join());
            assertThat(ExceptionClassifier.defaults().isTransient(refused)).as("%s", refused).isTrue();
        }
    }

    @Test
    void anAnswerThatDoesNotFitTheResponseSchemaIsRefused() {
        answer.set(new Answer(200, "{\"id\":\"not a number\"}", 0));
        assertThat(failure()).isInstanceOf(PlainJsonException.class).hasMessageContaining("Everything.id");
    }

    private Throwable failure() {
        CompletableFuture<IndexedRecord> call = invoker.invoke(TestRecords.everything());
        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).isNotNull();
        return ExceptionClassifier.unwrap(call.handle((result, error) -> error).join());
    }

    private void handle(HttpExchange exchange) throws IOException {
        received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
        Answer a = answer.get();
        if (a.delayMillis() > 0) {
            try {
                Thread.sleep(a.delayMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        catch (IOException clientGone) {
            // the invoker timed out and closed the connection
        }
    }
}
