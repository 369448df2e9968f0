package io.offstream.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.offstream.registry.client.Dispatch;
import io.offstream.registry.client.RegionRegistryClient;
import io.offstream.registry.client.RegionRegistryException;
import io.offstream.registry.client.RegionSpec;
import io.offstream.registry.client.RegionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry started in-process, through real HTTP: every write path asks the configured
 * credentials (none, wrong: 401; right: done) while reads stay open; regions must point where the
 * allow-list admits (400 otherwise), and a stored region the allow-list no longer admits is DOWN.
 * No SCDF runs: regions have a fixed capacity.
 */
class RegionRegistrySecurityIntegrationTests {

    private static final String PASSWORD = "registry-security-it";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyWritePathAsksTheCredentialsAndReadsStayOpen() throws Exception {
        try (ConfigurableApplicationContext app = start(database(), "--offstream.security.password=" + PASSWORD)) {
            URI base = base(app);
            RegionRegistryClient anonymous = new RegionRegistryClient(base);
            RegionRegistryClient wrong = new RegionRegistryClient(base, "offstream", "not-" + PASSWORD);
            RegionRegistryClient writer = new RegionRegistryClient(base, "offstream", PASSWORD);

            List<String> refused = new ArrayList<>();
            Consumer<Consumer<RegionRegistryClient>> write = call -> {
                for (RegionRegistryClient client : List.of(anonymous, wrong)) {
                    RegionRegistryException e = catchThrowableOfType(RegionRegistryException.class, () -> call.accept(client));
                    assertThat(e).as("a write without the right credentials").isNotNull();
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain(PASSWORD);
                    refused.add(e.getMessage());
                }
                call.accept(writer);
            };

            write.accept(c -> c.register(new RegionSpec("region-a", "http://localhost:1", "region-a", "localhost:9092", "2")));
            write.accept(c -> c.register(new RegionSpec("region-b", "http://127.0.0.1:1", "region-b", null, "2")));
            write.accept(c -> c.setEnabled("region-b", false));
            write.accept(c -> c.delete("region-b"));
            write.accept(c -> c.dispatch("run-1", "c1", Map.of("child", 1)));
            write.accept(c -> c.dispatch("run-1", "c2", null));
            write.accept(RegionRegistryClient::assign);
            long first = writer.dispatches("run-1").get(0).id();
            long second = writer.dispatches("run-1").get(1).id();
            // no SCDF answers here, so nothing is placed: LAUNCHED is refused for its state (409), past authentication
            write.accept(c -> {
                RegionRegistryException e = catchThrowableOfType(RegionRegistryException.class, () -> c.launched(first));
                if (c == writer) {
                    assertThat(e.status()).isEqualTo(409);
                }
                else if (e != null) {
                    throw e;
                }
            });
            write.accept(c -> c.done(first));
            write.accept(c -> c.requeue(second, "moved"));
            write.accept(c -> c.requeueAvoidingRegion(second, "region lost"));
            write.accept(c -> c.failed(second, "gave up"));

            assertThat(refused).hasSize(24).allSatisfy(m -> assertThat(m).contains(" answered 401: the region registry at " + base));
            assertThat(refused.get(0)).contains("requires credentials for writes and this client has none");
            assertThat(refused.get(1)).contains("refused the credentials of user 'offstream'");

            // what the writes did, read without credentials
            assertThat(anonymous.regions()).extracting(RegionStatus::name).containsExactly("region-a");
            assertThat(anonymous.dispatches("run-1")).extracting(Dispatch::reason).containsExactly(null, "gave up");
            assertThat(status("GET", base + "/regions")).isEqualTo(200);
            assertThat(status("HEAD", base + "/regions")).isEqualTo(200);
            assertThat(status("GET", base + "/actuator/health")).isEqualTo(200);
        }
    }

    @Test
    void aRegionMustPointWhereTheAllowListAdmits() {
        try (ConfigurableApplicationContext app = start(database(), "--offstream.security.password=" + PASSWORD,
                "--offstream.registry.allowed-scdf-urls=localhost,*.dc1.example.com:9393",
                "--offstream.registry.allowed-kafka-bootstraps=127.0.0.1:*,*.dc1.example.com:9092")) {
            RegionRegistryClient writer = new RegionRegistryClient(base(app), "offstream", PASSWORD);

            assertThat(writer.register(new RegionSpec("local", "http://localhost:9393", "a", "127.0.0.1:19092", "1")).name())
                    .isEqualTo("local");
            assertThat(writer.register(new RegionSpec("dc1", "http://scdf.dc1.example.com:9393", "a",
                    "k1.dc1.example.com:9092,k2.dc1.example.com:9092", "1")).name()).isEqualTo("dc1");

            RegionRegistryException outsideScdf = catchThrowableOfType(RegionRegistryException.class, () -> writer.register(
                    new RegionSpec("outside", "http://scdf.elsewhere.example.org:9393", "a", null, "1")));
            assertThat(outsideScdf.status()).isEqualTo(400);
            assertThat(outsideScdf.getMessage()).contains("Region outside: scdfUrl 'http://scdf.elsewhere.example.org:9393' is not "
                    + "allowed: add a pattern matching scdf.elsewhere.example.org:9393 to offstream.registry.allowed-scdf-urls");

            RegionRegistryException outsideKafka = catchThrowableOfType(RegionRegistryException.class, () -> writer.register(
                    new RegionSpec("local", "http://localhost:9393", "a", "127.0.0.1:19092,broker.elsewhere.example.org:9092", "1")));
            assertThat(outsideKafka.status()).isEqualTo(400);
            assertThat(outsideKafka.getMessage()).contains("kafkaBootstrap server 'broker.elsewhere.example.org:9092' is not allowed: "
                    + "add a pattern matching broker.elsewhere.example.org:9092 to offstream.registry.allowed-kafka-bootstraps");
            assertThat(writer.region("local").kafkaBootstrap()).as("the refused update changed nothing").isEqualTo("127.0.0.1:19092");
            assertThat(writer.regions()).extracting(RegionStatus::name).containsExactlyInAnyOrder("local", "dc1");
        }
    }

    @Test
    void aStoredRegionTheAllowListNoLongerAdmitsIsDownAndGivesBackItsDispatchesAndWithoutAPasswordNoWriteIsPossible() {
        String database = database();
        try (ConfigurableApplicationContext app = start(database, "--offstream.security.password=" + PASSWORD,
                "--offstream.registry.allowed-scdf-urls=*.dc1.example.com")) {
            RegionRegistryClient writer = new RegionRegistryClient(base(app), "offstream", PASSWORD);
            writer.register(new RegionSpec("dc1", "http://scdf.dc1.example.com", "a", null, "5"));
            long id = writer.dispatch("run-1", "c1", null).id();
            // placed there before the restart (no SCDF answers here to place it for real)
            app.getBean(JdbcClient.class).sql("UPDATE dispatch_queue SET region = 'dc1' WHERE id = ?").param(id).update();
            assertThat(writer.get(id).region()).isEqualTo("dc1");
        }
        // started again with the default allow-list (loopback only) and no password
        try (ConfigurableApplicationContext app = start(database)) {
            URI base = base(app);
            RegionStatus dc1 = new RegionRegistryClient(base).region("dc1");
            assertThat(dc1.isUp()).isFalse();
            assertThat(dc1.reason()).isEqualTo("scdfUrl 'http://scdf.dc1.example.com' is not allowed: add a pattern matching "
                    + "scdf.dc1.example.com:80 to offstream.registry.allowed-scdf-urls (now [localhost, 127.0.0.1, [::1]])");
            Dispatch requeued = new RegionRegistryClient(base).dispatches("run-1").get(0);
            assertThat(requeued.region()).as("given back to the queue").isNull();
            assertThat(requeued.reason()).startsWith("region dc1 is not allowed: scdfUrl 'http://scdf.dc1.example.com' is not allowed");
            RegionRegistryException refused = catchThrowableOfType(RegionRegistryException.class,
                    () -> new RegionRegistryClient(base, "offstream", PASSWORD).dispatch("run-9", "c1", null));
            assertThat(refused.status()).isEqualTo(401);
        }
    }

    private static ConfigurableApplicationContext start(String database, String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database,
                "--offstream.registry.capacity-cache-ttl=0s", "--offstream.registry.scdf-timeout=200ms"));
        all.addAll(List.of(args));
        return SpringApplication.run(RegionRegistryApplication.class, all.toArray(String[]::new));
    }

    private static String database() {
        return "jdbc:h2:mem:registry-security-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static URI base(ConfigurableApplicationContext app) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
    }

    private int status(String method, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
