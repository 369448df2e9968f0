package io.offstream.tests.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.offstream.testsupport.process.Await;

/**
 * Headless Chromium ({@code /usr/bin/chromium}, the Debian package) driven through its DevTools
 * protocol over the JDK's WebSocket client: navigate, run JavaScript in the page, read where it
 * is. Enough to log in through a real login form; the remote debugging port listens on 127.0.0.1.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final ObjectMapper json = new ObjectMapper();

    private final Process process;

    private final WebSocket page;

    private final AtomicInteger ids = new AtomicInteger();

    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Path profile) throws Exception {
        process = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank"))
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        Await.until(Duration.ofSeconds(30), () -> Files.exists(portFile) && readable(portFile));
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpResponse<String> targets = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString());
        String pageSocket = null;
        for (JsonNode target : json.readTree(targets.body())) {
            if (target.path("type").asText().equals("page")) {
                pageSocket = target.path("webSocketDebuggerUrl").asText();
            }
        }
        if (pageSocket == null) {
            throw new IllegalStateException("Chromium has no page target: " + targets.body());
        }
        page = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Replies())
                .get(30, TimeUnit.SECONDS);
    }

    static HeadlessChromium start(Path workDir) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: install the Debian package chromium (.ci/run does)");
        }
        Path profile = Files.createDirectories(workDir.resolve("chromium/profile"));
        return new HeadlessChromium(profile);
    }

    void navigate(String url) {
        ObjectNode params = json.createObjectNode().put("url", url);
        call("Page.navigate", params);
    }

    /** The value of a JavaScript expression in the page (promises awaited); null when it threw. */
    JsonNode evaluate(String expression) {
        ObjectNode params = json.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true);
        JsonNode reply = call("Runtime.evaluate", params);
        return reply.has("exceptionDetails") ? null : reply.at("/result/value");
    }

    String location() {
        JsonNode href = evaluate("location.href");
        return href == null ? "" : href.asText();
    }

    private JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        page.sendText(message.toString(), true).join();
        try {
            JsonNode answer = reply.get(30, TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.path("error"));
            }
            return answer.path("result");
        }
        catch (Exception e) {
            throw new IllegalStateException(method + " got no answer from Chromium: " + e, e);
        }
        finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        page.abort();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean readable(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return !lines.isEmpty() && !lines.get(0).isBlank();
        }
        catch (IOException e) {
            return false;
        }
    }

    /** Collects text frames into messages and completes the call each answers. */
    private final class Replies implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = json.readTree(partial.toString());
                    CompletableFuture<JsonNode> call = pending.get(message.path("id").asInt(-1));
                    if (call != null) {
                        call.complete(message);
                    }
                }
                catch (IOException ignored) {
                    // not JSON: not an answer of ours
                }
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
