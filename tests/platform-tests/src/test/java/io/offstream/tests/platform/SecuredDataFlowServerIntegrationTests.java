package io.offstream.tests.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.dataflow.DataFlowClient;
import io.offstream.testsupport.dataflow.DataFlowException;
import io.offstream.testsupport.platform.DataFlowServerProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SCDF server with SCDF's own OAuth2 / OpenID Connect security on (scdf-deploy/SECURITY.md),
 * against a real authorization server: one of each for the whole class.
 */
class SecuredDataFlowServerIntegrationTests {

    static final Duration TASK_TIMEOUT = Duration.ofMinutes(3);

    static final String REGISTRATION = "offstream";

    static Path workDir;

    static TestAuthorizationServer auth;

    static DataFlowServerProcess server;

    /** Every Data Flow scope (the runner client). */
    static DataFlowClient admin;

    @BeforeAll
    static void startAuthorizationServerAndSecuredDataFlowServer() throws IOException {
        RepositoryLayout layout = RepositoryLayout.locate();
        workDir = Files.createDirectories(Path.of("target", "platform-it", "secured-" + ProcessHandle.current().pid())
                .toAbsolutePath());
        auth = TestAuthorizationServer.start(layout, workDir);
        server = DataFlowServerProcess.start(layout, workDir, securityArguments(auth),
                Map.of("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_OFFSTREAM_CLIENTSECRET", auth.dashboardSecret),
                auth.tokens(TestAuthorizationServer.RUNNER_CLIENT, auth.runnerSecret, TestAuthorizationServer.ALL_SCOPES));
        admin = server.client();
        admin.registerTaskApp("probe", layout.appJar("tests/test-apps/probe-task", "offstream-probe-task-*.jar").toUri());
    }

    /** The production configuration of SECURITY.md, pointed at the test authorization server. */
    static List<String> securityArguments(TestAuthorizationServer auth) {
        String client = "--spring.security.oauth2.client.";
        String mapping = "--spring.cloud.dataflow.security.authorization.provider-role-mappings." + REGISTRATION + ".";
        List<String> arguments = new ArrayList<>(List.of(
                "--server.address=127.0.0.1",
                client + "registration." + REGISTRATION + ".client-id=" + TestAuthorizationServer.DASHBOARD_CLIENT,
                client + "registration." + REGISTRATION + ".authorization-grant-type=authorization_code",
                client + "registration." + REGISTRATION + ".redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                client + "registration." + REGISTRATION + ".scope=openid," + TestAuthorizationServer.ALL_SCOPES.replace(' ', ','),
                client + "provider." + REGISTRATION + ".issuer-uri=" + auth.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + auth.issuer() + "/oauth2/jwks",
                mapping + "map-oauth-scopes=true"));
        for (String role : List.of("VIEW", "CREATE", "DEPLOY", "DESTROY", "MODIFY", "SCHEDULE", "MANAGE")) {
            arguments.add(mapping + "role-mappings.ROLE_" + role + "=dataflow." + role.toLowerCase());
        }
        return arguments;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (auth != null) {
            auth.close();
        }
    }

    @Test
    void restWithoutATokenIsUnauthorized() throws Exception {
        HttpResponse<String> about = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.uri().resolve("/about")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> executions = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.uri().resolve("/tasks/executions")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(about.statusCode()).isEqualTo(401);
        assertThat(executions.statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> new DataFlowClient(server.uri()).launchTask("anything", Map.of(), List.of()))
                .isInstanceOfSatisfying(DataFlowException.class, e -> assertThat(e.getMessage()).contains("answered 401"));
    }

    @Test
    void aViewOnlyTokenReadsButCannotLaunch() {
        String name = uniqueName("probe-viewer");
        admin.createTaskDefinition(name, "probe");
        DataFlowClient viewer = server.client().withAccessToken(
                auth.tokens(TestAuthorizationServer.VIEWER_CLIENT, auth.viewerSecret, "dataflow.view"));

        JsonNode info = viewer.get("/security/info");
        assertThat(info.path("roles").toString()).isEqualTo("[\"ROLE_VIEW\"]");
        assertThat(viewer.get("/tasks/definitions/" + name).path("name").asText()).isEqualTo(name);
        assertThat(viewer.about().at("/versionInfo/core/version").asText()).isEqualTo("2.11.5");

        assertThatThrownBy(() -> viewer.launchTask(name, Map.of(), List.of()))
                .isInstanceOfSatisfying(DataFlowException.class, e -> assertThat(e.getMessage()).contains("answered 403"));
        assertThat(admin.get("/tasks/executions?name=" + name).at("/page/totalElements").asLong())
                .as("executions of %s", name).isZero();
    }

    @Test
    void aClientCredentialsTokenWithEveryScopeLaunchesTheProbe() {
        String name = uniqueName("probe-admin");
        admin.createTaskDefinition(name, "probe");

        long id = admin.launchTask(name, Map.of(), List.of());
        JsonNode execution = admin.awaitTaskEnd(id, TASK_TIMEOUT);

        assertThat(execution.path("exitCode").asInt()).as("exit code of %s", execution).isZero();
        assertThat(admin.get("/security/info").path("roles")).hasSize(7);
    }

    /**
     * The composed runner gets its own tokens with SCDF's client-credentials options; its tokens
     * live 20 s, so a run of two 12 s children needs a refreshed one. Its secret is in no log.
     */
    @Test
    void composedRunnerAuthenticatesWithClientCredentials() throws IOException {
        String name = uniqueName("secured-ct");
        admin.createTaskDefinition(name, "first: probe --probe.sleep=12s && second: probe --probe.sleep=12s");
        String runner = "app.composed-task-runner.";

        long id = admin.launchTask(name, Map.of(
                runner + "oauth2-client-credentials-client-id", TestAuthorizationServer.RUNNER_CLIENT,
                runner + "oauth2-client-credentials-client-secret", auth.runnerSecret,
                runner + "oauth2-client-credentials-token-uri", auth.tokenUri().toString(),
                runner + "oauth2-client-credentials-scopes", "dataflow.view,dataflow.deploy"), List.of());
        JsonNode execution = admin.awaitTaskEnd(id, TASK_TIMEOUT);

        assertThat(execution.path("exitCode").asInt()).as("runner execution %s", execution).isZero();
        List<String> children = new ArrayList<>();
        for (JsonNode child : admin.get("/tasks/executions?size=1000").at("/_embedded/taskExecutionResourceList")) {
            if (child.path("parentExecutionId").asLong(-1) == id) {
                assertThat(child.path("exitCode").asInt()).as("child %s", child).isZero();
                children.add(child.path("taskName").asText());
            }
        }
        assertThat(children).containsExactlyInAnyOrder(name + "-first", name + "-second");
        assertThat(linesContaining(workDir.resolve("task-work"), "Got an access token of client "
                + TestAuthorizationServer.RUNNER_CLIENT)).as("tokens the runner fetched (each lives 20 s)").isGreaterThanOrEqualTo(2);
        assertThat(filesContaining(workDir, auth.runnerSecret)).as("files holding the runner's secret").isEmpty();
    }

    /**
     * The dashboard's login in headless Chromium: from the dashboard to the authorization server's
     * login form, filled and sent as a user would, and back to the dashboard signed in as that
     * user with the roles of the scopes granted.
     */
    @Test
    void theDashboardLogsInThroughTheAuthorizationServer() throws Exception {
        String scdf = "http://127.0.0.1:" + server.uri().getPort();
        List<String> visited = new ArrayList<>();
        try (HeadlessChromium chromium = HeadlessChromium.start(workDir)) {
            chromium.navigate(scdf + "/dashboard/index.html");
            boolean formSent = false;
            long onDashboardSince = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            JsonNode security = null;
            while (System.nanoTime() < deadline) {
                Thread.sleep(500);
                String location = chromium.location();
                if (visited.isEmpty() || !visited.get(visited.size() - 1).equals(location)) {
                    visited.add(location);
                }
                if (location.startsWith(auth.issuer() + "/login") && !formSent
                        && chromium.evaluate("!!document.querySelector('input[name=username]')").asBoolean()) {
                    chromium.evaluate("document.querySelector('input[name=username]').value = '" + TestAuthorizationServer.USER
                            + "'; document.querySelector('input[name=password]').value = '" + auth.userPassword
                            + "'; document.querySelector('form').submit(); true");
                    formSent = true;
                }
                else if (location.startsWith(scdf)) {
                    security = chromium.evaluate("fetch('/security/info', {headers: {'X-Requested-With': 'XMLHttpRequest'}})"
                            + ".then(r => r.json())");
                    boolean signedIn = security != null && security.path("authenticated").asBoolean();
                    if (signedIn && location.startsWith(scdf + "/dashboard")) {
                        JsonNode shown = chromium.evaluate("document.body.innerText.includes('" + TestAuthorizationServer.USER + "')");
                        if (shown != null && shown.asBoolean()) {
                            break;
                        }
                    }
                    else if (signedIn) {
                        chromium.navigate(scdf + "/dashboard/index.html");
                    }
                    else if (location.startsWith(scdf + "/login") || location.equals(scdf + "/")) {
                        JsonNode link = chromium.evaluate("(document.querySelector('a[href*=\\'oauth2/authorization\\']') || {}).href");
                        if (link != null && link.isTextual()) {
                            chromium.navigate(link.asText());
                        }
                    }
                    else if (System.nanoTime() - onDashboardSince > Duration.ofSeconds(10).toNanos()) {
                        // the dashboard did not send the browser to sign in by itself: SCDF's login page
                        chromium.navigate(scdf + "/login");
                        onDashboardSince = System.nanoTime();
                    }
                }
            }
            assertThat(formSent).as("reached the authorization server's login form; pages: %s", visited).isTrue();
            assertThat(chromium.location()).as("pages: %s", visited).startsWith(scdf + "/dashboard");
            assertThat(security).as("pages: %s", visited).isNotNull();
            assertThat(security.path("authenticated").asBoolean()).isTrue();
            assertThat(security.path("username").asText()).isEqualTo(TestAuthorizationServer.USER);
            assertThat(security.path("roles").toString()).contains("ROLE_VIEW", "ROLE_DEPLOY", "ROLE_SCHEDULE");
            assertThat(chromium.evaluate("document.body.innerText.includes('" + TestAuthorizationServer.USER + "')").asBoolean())
                    .as("the dashboard shows the signed-in user; pages: %s", visited).isTrue();
            System.out.println("Dashboard login went through: " + visited);
        }
    }

    /**
     * The 2.5.1 shell with its documented options: {@code --dataflow.uri} and
     * {@code --dataflow.credentials-provider-command}, a command printing the
     * {@code Authorization} header (here: {@code cat} of a 0600 file holding a client-credentials
     * token). It creates and launches a task, which SCDF runs.
     */
    @Test
    void theShellConnectsWithACredentialsProviderCommand() throws Exception {
        Path shellJar = Path.of("target", "dataflow-shell", "spring-cloud-dataflow-shell.jar").toAbsolutePath();
        assertThat(shellJar).as("the shell jar the build copies").exists();
        Path shellDir = Files.createDirectories(workDir.resolve("shell"));
        Path credentials = shellDir.resolve("credentials");
        Files.writeString(credentials, "", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(credentials, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.writeString(credentials, "Bearer " + auth.fetchToken(TestAuthorizationServer.SHELL_CLIENT, auth.shellSecret,
                TestAuthorizationServer.ALL_SCOPES), StandardCharsets.UTF_8);
        String name = uniqueName("shell-probe");
        Path commands = shellDir.resolve("commands.txt");
        Files.writeString(commands, String.join("\n",
                "dataflow config info",
                "task create " + name + " --definition \"probe\"",
                "task launch " + name,
                "task list") + "\n", StandardCharsets.UTF_8);
        Path output = shellDir.resolve("shell.log");

        Process shell = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", shellJar.toString(),
                "--dataflow.uri=http://127.0.0.1:" + server.uri().getPort(),
                "--dataflow.credentials-provider-command=cat " + credentials,
                "--spring.shell.commandFile=" + commands))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertThat(shell.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).as("shell finished; output: %s",
                    output).isTrue();
        }
        finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }

        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(printed).as(printed).containsPattern("Authenticated: true")
                .containsPattern("Username: " + TestAuthorizationServer.SHELL_CLIENT)
                .contains("Created new task '" + name + "'").contains("Launched task '" + name + "'");
        JsonNode executions = admin.get("/tasks/executions?name=" + name);
        assertThat(executions.at("/page/totalElements").asLong()).as("executions of %s", name).isEqualTo(1);
        long id = executions.at("/_embedded/taskExecutionResourceList/0/executionId").asLong();
        assertThat(admin.awaitTaskEnd(id, TASK_TIMEOUT).path("exitCode").asInt()).isZero();
        assertThat(printed).doesNotContain(auth.shellSecret);
    }

    static long linesContaining(Path directory, String text) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().equals("stdout.log"))
                    .mapToLong(file -> {
                        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
                            return lines.filter(line -> line.contains(text)).count();
                        }
                        catch (IOException e) {
                            return 0;
                        }
                    }).sum();
        }
    }

    static List<Path> filesContaining(Path directory, String text) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".log")
                    || file.getFileName().toString().startsWith("std")).filter(file -> {
                        try {
                            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
                        }
                        catch (IOException e) {
                            return false;
                        }
                    }).toList();
        }
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static URI dashboardUri() {
        return URI.create("http://127.0.0.1:" + server.uri().getPort() + "/dashboard/index.html");
    }
}
