package io.offstream.tasks.composed.child;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The part of SCDF the runner talks to, on a local port: {@code POST /tasks/executions} launches
 * child execution {@value #CHILD_ID}, {@code GET /tasks/executions/42} answers it running until
 * {@link #endChild()}. It can be stopped mid-follow and started again on the same port.
 */
final class DataFlowServerStub implements AutoCloseable {

    static final long CHILD_ID = 42;

    final AtomicInteger launches = new AtomicInteger();

    final AtomicInteger polls = new AtomicInteger();

    /** Counted down by the first poll of the child. */
    final CountDownLatch followed = new CountDownLatch(1);

    private final AtomicBoolean childEnded = new AtomicBoolean();

    private final AtomicBoolean knowsChild = new AtomicBoolean(true);

    private HttpServer server;

    private int port;

    static DataFlowServerStub start() {
        DataFlowServerStub stub = new DataFlowServerStub();
        stub.listen(0);
        return stub;
    }

    URI uri() {
        return URI.create("http://localhost:" + port);
    }

    void endChild() {
        childEnded.set(true);
    }

    void forgetChild() {
        knowsChild.set(false);
    }

    /** The server goes away: connections are refused from now on. */
    void stop() {
        server.stop(0);
    }

    /** The server is back, on the same port. */
    void restart() {
        listen(port);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", onPort), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getAddress().getPort();
        server.createContext("/tasks/executions", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("POST") && path.equals("/tasks/executions")) {
            launches.incrementAndGet();
            answer(exchange, 201, "text/plain", Long.toString(CHILD_ID));
        }
        else if (exchange.getRequestMethod().equals("GET") && path.equals("/tasks/executions/" + CHILD_ID) && knowsChild.get()) {
            polls.incrementAndGet();
            followed.countDown();
            answer(exchange, 200, "application/json", childEnded.get()
                    ? "{\"executionId\":42,\"endTime\":\"2026-11-30T10:00:00.000Z\",\"exitCode\":0,\"exitMessage\":null}"
                    : "{\"executionId\":42,\"endTime\":null,\"exitCode\":null,\"exitMessage\":null}");
        }
        else {
            answer(exchange, 404, "application/json", "{\"message\":\"no such task execution\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
