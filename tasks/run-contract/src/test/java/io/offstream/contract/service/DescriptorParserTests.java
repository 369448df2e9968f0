package io.offstream.contract.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class DescriptorParserTests {

    private static final String VALID = """
            name: pricing
            key: [order_id, line_no]
            event-time: created_at
            columns: {line_no: line_number}
            constraints:
              unit_price: {min: 0, max: 100000}
              currency: {in: iso-4217}
              channel: {in: [WEB, APP]}
              sku: {pattern: "[A-Z0-9-]{4,32}", max-length: 32}
            invoke:
              http: {url: "http://127.0.0.1:8083/price", timeout: 2s}
            consumer: {max-in-flight: 64, rate-limit-per-second: 500, max-attempts: 3, call-timeout: 5s}
            diff: {ignore: [service_version]}
            """;

    @Test
    void aFullDescriptorIsRead() {
        ServiceDescriptor d = DescriptorParser.parse(VALID, "pricing");
        assertThat(d.name()).isEqualTo("pricing");
        assertThat(d.key()).containsExactly("order_id", "line_no");
        assertThat(d.eventTime()).isEqualTo("created_at");
        assertThat(d.columnOf("line_no")).isEqualTo("line_number");
        assertThat(d.columnOf("sku")).isEqualTo("sku");
        assertThat(d.constraints().get("unit_price").min()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(d.constraints().get("currency").namedSet()).isEqualTo("iso-4217");
        assertThat(d.constraints().get("channel").in()).containsExactly("WEB", "APP");
        assertThat(d.constraints().get("sku").maxLength()).isEqualTo(32);
        assertThat(d.invoke().remote()).isTrue();
        assertThat(d.invoke().url()).isEqualTo(URI.create("http://127.0.0.1:8083/price"));
        assertThat(d.invoke().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.consumer()).isEqualTo(new ConsumerLimits(64, 500, 3, Duration.ofSeconds(5), 0));
        assertThat(d.diffIgnore()).containsExactly("service_version");
    }

    @Test
    void aFunctionWithAJarIsInProcessAndOptionalSectionsDefault() {
        ServiceDescriptor d = DescriptorParser.parse("""
                name: risk
                key: txn_id
                invoke: {function: riskService, jar: lib/risk.jar}
                """, "risk");
        assertThat(d.key()).containsExactly("txn_id");
        assertThat(d.invoke().remote()).isFalse();
        assertThat(d.invoke().function()).isEqualTo("riskService");
        assertThat(d.invoke().jar()).isEqualTo(URI.create("lib/risk.jar"));
        assertThat(d.consumer()).isEqualTo(ConsumerLimits.DEFAULTS);
        assertThat(d.eventTime()).isNull();
        assertThat(d.columns()).isEmpty();
    }

    @Test
    void workersAreReadAndBoundedByTheCallsInFlight() {
        ServiceDescriptor d = DescriptorParser.parse("name: svc\nkey: [a]\ninvoke: {function: f}\nconsumer: {max-in-flight: 64, workers: 4}\n",
                "svc");
        assertThat(d.consumer().workers()).isEqualTo(4);
        assertThat(d.consumer().maxInFlight()).isEqualTo(64);

        assertThat(problems("name: svc\nkey: [a]\ninvoke: {function: f}\nconsumer: {max-in-flight: 64, workers: 65}\n"))
                .containsExactly("consumer.workers must be between 0 (one per call in flight) and consumer.max-in-flight (64)");
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {function: f}\nconsumer: {workers: -1}\n"))
                .containsExactly("consumer.workers must be between 0 (one per call in flight) and consumer.max-in-flight (256)");
    }

    @Test
    void aFunctionsPropertiesAreReadAsWrittenInTheirOrder() {
        ServiceDescriptor d = DescriptorParser.parse("""
                name: risk-candidate
                key: txn_id
                invoke:
                  function: riskService
                  jar: lib/risk.jar
                  properties:
                    offstream.risk.service-version: risk-1.10
                    offstream.risk.rules.review-from: 250
                    offstream.risk.rules.decline-from: "550"
                    offstream.risk.enabled: yes
                    offstream.risk.latency.alpha: 1.50
                    offstream.risk.db.password: ""
                """, "risk-candidate");
        assertThat(d.invoke().properties()).containsExactly(
                entry("offstream.risk.service-version", "risk-1.10"),
                entry("offstream.risk.rules.review-from", "250"),
                entry("offstream.risk.rules.decline-from", "550"),
                entry("offstream.risk.enabled", "yes"),
                entry("offstream.risk.latency.alpha", "1.50"),
                entry("offstream.risk.db.password", ""));
    }

    @Test
    void withoutPropertiesAFunctionHasNone() {
        assertThat(DescriptorParser.parse("name: svc\nkey: [a]\ninvoke: {function: f, jar: f.jar}\n", "svc").invoke().properties())
                .isEmpty();
        assertThat(DescriptorParser.parse(VALID, "pricing").invoke().properties()).isEmpty();
    }

    @Test
    void propertiesAreRefusedForAnHttpService() {
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {http: {url: 'http://h/p'}, properties: {a.b: c}}\n"))
                .containsExactly("invoke.properties belongs to invoke.function, not to invoke.http");
    }

    @Test
    void propertiesNeedTheFunctionsJar() {
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {function: f, properties: {a.b: c}}\n"))
                .singleElement().asString().startsWith("invoke.properties needs invoke.jar");
    }

    @Test
    void propertiesMustMapNamesToSingleValues() {
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {function: f, jar: f.jar, properties: [a.b]}\n"))
                .containsExactly("invoke.properties must be a mapping");
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {function: f, jar: f.jar, properties: {a: {b: c}, d: [e], f: , 7: g}}\n"))
                .containsExactly("invoke.properties.a must be a single value", "invoke.properties.d must be a single value",
                        "invoke.properties.f has no value (write \"\" for an empty one)",
                        "invoke.properties: '7' is not a property name (text such as offstream.risk.service-version)");
    }

    @Test
    void notYamlIsOneLine() {
        assertThatThrownBy(() -> DescriptorParser.parse("name: [unclosed", "x"))
                .isInstanceOf(InvalidServiceException.class)
                .hasMessageStartingWith("Service 'x' is not usable: service.yaml is not valid YAML")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void yamlTagsThatWouldBuildObjectsAreRefused() {
        assertThatThrownBy(() -> DescriptorParser.parse("name: !!java.io.File [/etc]\nkey: [a]\ninvoke: {function: f}\n", "x"))
                .isInstanceOf(InvalidServiceException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        assertThatThrownBy(() -> DescriptorParser.parse("name: svc\nname: other\nkey: [a]\ninvoke: {function: f}\n", "svc"))
                .isInstanceOf(InvalidServiceException.class).hasMessageContaining("duplicate key name");
    }

    @Test
    void aListIsNotADescriptor() {
        assertThat(problems("- a\n- b\n")).containsExactly("service.yaml must be a mapping of fields (name, key, invoke, ...)");
    }

    @Test
    void theNameIsRequired() {
        assertThat(problems("key: [a]\ninvoke: {function: f}\n")).containsExactly("name is required");
    }

    @Test
    void theNameMustBeAServiceName() {
        assertThat(problems("name: my_svc\nkey: [a]\ninvoke: {function: f}\n"))
                .containsExactly("name 'my_svc' must match [a-z][a-z0-9-]{0,39}");
    }

    @Test
    void theNameMustBeItsFolders() {
        assertThat(problems("name: other\nkey: [a]\ninvoke: {function: f}\n"))
                .containsExactly("name 'other' differs from its catalogue folder 'svc'");
    }

    @Test
    void theKeyIsRequired() {
        assertThat(problems("name: svc\ninvoke: {function: f}\n")).singleElement().asString().startsWith("key is required");
    }

    @Test
    void theKeyMustNotRepeatAField() {
        assertThat(problems("name: svc\nkey: [a, a]\ninvoke: {function: f}\n")).containsExactly("key [a, a] names a field twice");
    }

    @Test
    void unknownFieldsAreNamedWithTheKnownOnes() {
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {function: f}\nkeys: [b]\n"))
                .singleElement().asString().startsWith("unknown field keys (known: ");
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {function: f}\nconstraints: {a: {minimum: 1}}\n"))
                .singleElement().asString().startsWith("unknown field constraints.a.minimum");
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {function: f}\nconsumer: {max-inflight: 1}\n"))
                .singleElement().asString().startsWith("unknown field consumer.max-inflight");
    }

    @Test
    void invokeIsRequired() {
        assertThat(problems("name: svc\nkey: [a]\n")).singleElement().asString().startsWith("invoke is required");
    }

    @Test
    void invokeNeedsExactlyOneWay() {
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {function: f, http: {url: 'http://h/p'}}\n"))
                .containsExactly("invoke must have exactly one of function and http");
    }

    @Test
    void anHttpUrlMustBeHttp() {
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {http: {url: 'ftp://h/p'}}\n"))
                .containsExactly("invoke.http.url 'ftp://h/p' must be an http:// or https:// URL");
    }

    @Test
    void aDurationMustBeADuration() {
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {http: {url: 'http://h/p', timeout: soon}}\n"))
                .containsExactly("invoke.http.timeout 'soon' is not a duration (e.g. 500ms, 2s, 5m)");
    }

    @Test
    void minAboveMaxIsRefused() {
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {function: f}\nconstraints: {a: {min: 5, max: 1}}\n"))
                .containsExactly("constraints.a: min 5 is above max 1");
    }

    @Test
    void aPatternMustCompile() {
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {function: f}\nconstraints: {a: {pattern: '[a-'}}\n"))
                .singleElement().asString().startsWith("constraints.a.pattern '[a-' is not a regular expression");
    }

    @Test
    void aNamedSetMustExist() {
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {function: f}\nconstraints: {a: {in: iso-9999}}\n"))
                .singleElement().asString().startsWith("constraints.a.in 'iso-9999' is neither a list nor a known set");
    }

    @Test
    void maxLengthMustBeAPositiveWholeNumber() {
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {function: f}\nconstraints: {a: {max-length: 0}}\n"))
                .containsExactly("constraints.a.max-length must be a positive whole number, was 0");
    }

    @Test
    void consumerLimitsMustBePositive() {
        assertThat(problems("name: svc\nkey: [a]\ninvoke: {function: f}\nconsumer: {max-in-flight: 0, max-attempts: 0}\n"))
                .containsExactly("consumer.max-in-flight must be at least 1", "consumer.max-attempts must be at least 1");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertThat(problems("name: my_svc\nkey: [a, a]\n")).hasSize(3);
    }

    private static List<String> problems(String yaml) {
        try {
            DescriptorParser.parse(yaml, "svc");
        } catch (InvalidServiceException e) {
            return e.problems();
        }
        throw new AssertionError("expected the descriptor to be refused");
    }
}
