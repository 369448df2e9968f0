package io.offstream.tasks.composed.child;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The part of SCDF the runner talks to, on a local port: {@code POST /tasks/executions} launches
 * child execution {@value #CHILD_ID} (then 43, 44, ... on later launches), {@code GET
 * /tasks/executions/{id}} answers it running until {@link #endChild()}, and, as Offstream's
 * server does, {@code GET /offstream/tasks/executions/{id}/process} says whether its process is
 * gone ({@link #killChild()}) unless {@link #withoutProcessEndpoint()} (a stock SCDF: 404). {@code
 * GET /tasks/executions?name=} lists the children of a definition with the arguments they were
 * launched with. It can be stopped mid-follow and started again on the same port.
 */
final class DataFlowServerStub implements AutoCloseable {

    static final long CHILD_ID = 42;

    final AtomicInteger launches = new AtomicInteger();

    final AtomicInteger polls = new AtomicInteger();

    /** Requests to the process endpoint, answered or not. */
    final AtomicInteger processPolls = new AtomicInteger();

    /** The arguments of each accepted launch, in order. */
    final List<List<String>> launchedArguments = new CopyOnWriteArrayList<>();

    /** Counted down by the first poll of the child. */
    final CountDownLatch followed = new CountDownLatch(1);

    /** The launched children, by execution id. */
    private final Map<Long, Child> children = new ConcurrentHashMap<>();

    private final AtomicBoolean knowsChild = new AtomicBoolean(true);

    private final AtomicBoolean servesProcess = new AtomicBoolean(true);

    private final AtomicBoolean losesLaunchAnswer = new AtomicBoolean();

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

    /** The execution id of the last launch. */
    long latestChild() {
        return CHILD_ID + launches.get() - 1;
    }

    /** The last launched child ends with exit code 0 (its end recorded, its process gone). */
    void endChild() {
        Child child = children.get(latestChild());
        child.ended = true;
        child.processGone = true;
    }

    /** The last launched child's process dies without recording an end (SIGKILL, the OOM killer). */
    void killChild() {
        children.get(latestChild()).processGone = true;
    }

    /**
     * The last launched child's process died without recording an end, and the server recorded its
     * end instead, as Offstream's server does once the process has been gone for its grace.
     */
    void recordChildLost() {
        Child child = children.get(latestChild());
        child.processGone = true;
        child.recordedLost = true;
        child.ended = true;
    }

    void forgetChild() {
        knowsChild.set(false);
    }

    /**
     * The next launch is accepted (its child runs, listed with its arguments) but answered 500, as
     * for a runner that stopped before it read SCDF's answer.
     */
    void loseNextLaunchAnswer() {
        losesLaunchAnswer.set(true);
    }

    /** Answers the process endpoint with 404, as a stock SCDF server does. */
    void withoutProcessEndpoint() {
        servesProcess.set(false);
    }

    /** Waits until the runner has launched {@code count} children; false if it did not within {@code timeout}. */
    boolean awaitLaunches(int count, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (launches.get() < count) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
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
        server.createContext("/offstream/tasks/executions", this::handleProcess);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        Child child = children.get(idIn(path, "/tasks/executions/", ""));
        if (exchange.getRequestMethod().equals("POST") && path.equals("/tasks/executions")) {
            Map<String, String> form = formOf(body);
            List<String> arguments = argumentsOf(form.getOrDefault("arguments", ""));
            long id = CHILD_ID + launches.get();
            children.put(id, new Child(form.get("name"), arguments));
            launchedArguments.add(arguments);
            launches.incrementAndGet();
            if (losesLaunchAnswer.getAndSet(false)) {
                answer(exchange, 500, "application/json", "{\"message\":\"the answer was lost\"}");
                return;
            }
            answer(exchange, 201, "text/plain", Long.toString(id));
        }
        else if (exchange.getRequestMethod().equals("GET") && path.equals("/tasks/executions")) {
            String name = formOf(exchange.getRequestURI().getRawQuery()).get("name");
            String listed = children.entrySet().stream().filter(e -> e.getValue().name.equals(name))
                    .map(e -> "{\"executionId\":" + e.getKey() + ",\"taskName\":\"" + name + "\",\"arguments\":["
                            + e.getValue().arguments.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",")) + "]}")
                    .collect(Collectors.joining(","));
            answer(exchange, 200, "application/json", "{\"_embedded\":{\"taskExecutionResourceList\":[" + listed + "]}}");
        }
        else if (exchange.getRequestMethod().equals("GET") && child != null && knowsChild.get()) {
            polls.incrementAndGet();
            followed.countDown();
            long id = idIn(path, "/tasks/executions/", "");
            answer(exchange, 200, "application/json", child.recordedLost
                    ? "{\"executionId\":" + id + ",\"endTime\":\"2026-11-30T10:00:00.000Z\",\"exitCode\":255,\"exitMessage\":\"LOST\"}"
                    : child.ended
                    ? "{\"executionId\":" + id + ",\"endTime\":\"2026-11-30T10:00:00.000Z\",\"exitCode\":0,\"exitMessage\":null}"
                    : "{\"executionId\":" + id + ",\"endTime\":null,\"exitCode\":null,\"exitMessage\":null}");
        }
        else {
            answer(exchange, 404, "application/json", "{\"message\":\"no such task execution\"}");
        }
    }

    private void handleProcess(HttpExchange exchange) throws IOException {
        processPolls.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        long id = idIn(path, "/offstream/tasks/executions/", "/process");
        Child child = children.get(id);
        if (!exchange.getRequestMethod().equals("GET") || child == null || !servesProcess.get()) {
            answer(exchange, 404, "application/json", "{\"message\":\"not found\"}");
            return;
        }
        String state = child.recordedLost ? "failed" : child.ended ? "complete" : child.processGone ? "failed" : "running";
        answer(exchange, 200, "application/json", "{\"executionId\":" + id + ",\"platform\":\"default\",\"externalExecutionId\":\"ct-a-"
                + id + "\",\"ended\":" + child.ended + ",\"state\":\"" + state + "\",\"processGone\":" + child.processGone + "}");
    }

    private static Map<String, String> formOf(String encoded) {
        Map<String, String> form = new HashMap<>();
        for (String field : encoded == null || encoded.isEmpty() ? new String[0] : encoded.split("&")) {
            String[] pair = field.split("=", 2);
            form.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                    pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    /** The launch's arguments as SCDF splits them: on spaces, honouring double quotes. */
    private static List<String> argumentsOf(String line) {
        List<String> arguments = new ArrayList<>();
        Matcher argument = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (argument.find()) {
            arguments.add(argument.group(1) != null ? argument.group(1) : argument.group(2));
        }
        return arguments;
    }

    /** The execution id in {@code /prefix/{id}/suffix}, or -1. */
    private static long idIn(String path, String prefix, String suffix) {
        if (!path.startsWith(prefix) || !path.endsWith(suffix)) {
            return -1;
        }
        String id = path.substring(prefix.length(), path.length() - suffix.length());
        return id.matches("\\d+") ? Long.parseLong(id) : -1;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static final class Child {

        final String name;

        final List<String> arguments;

        volatile boolean ended;

        volatile boolean processGone;

        /** Ended by the server on the process's behalf: exit code 255, exit message LOST. */
        volatile boolean recordedLost;

        Child(String name, List<String> arguments) {
            this.name = name;
            this.arguments = List.copyOf(arguments);
        }
    }
}
