package io.offstream.contract.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.schemas.history.SchemaVersion;

/** Loading an entry runs every check that needs no warehouse; one test per refusal. */
class ServiceCatalogueTests {

    @TempDir
    Path root;

    private CatalogueFixture fixture;

    @BeforeEach
    void validEntry() {
        fixture = new CatalogueFixture(root);
    }

    @Test
    void aValidEntryLoadsWithItsCurrentSchemas() {
        ServiceDefinition svc = fixture.catalogue().load("svc");
        assertThat(svc.requestSchema().getFullName()).isEqualTo("t.Req");
        assertThat(svc.responseSchema().getFullName()).isEqualTo("t.Res");
        assertThat(svc.schemaHistory().records()).hasSize(2);
        assertThat(fixture.catalogue().serviceNames()).containsExactly("svc");
    }

    @Test
    void theHighestVersionIsCurrent() {
        fixture.write("svc/request/v2.avsc", CatalogueFixture.REQUEST_V1.replace("\"default\": null}",
                "\"default\": null},\n  {\"name\": \"extra\", \"type\": [\"null\", \"int\"], \"default\": null}"));
        assertThat(fixture.catalogue().load("svc").request().current().number()).isEqualTo(2);
    }

    @Test
    void theCatalogueAndItsOfferingsAreNamedWhenAServiceIsMissing() {
        assertThat(problems("nope")).singleElement().asString().startsWith("no service.yaml at ").endsWith("has [svc])");
    }

    @Test
    void aServiceWithoutARequestSchemaIsRefused() {
        fixture.delete("svc/request/v1.avsc");
        assertThat(problems("svc")).containsExactly("request/ has no schema: add request/v1.avsc");
    }

    @Test
    void aGapInTheHistoryIsRefused() {
        fixture.write("svc/response/v3.avsc", CatalogueFixture.RESPONSE_V1);
        assertThat(problems("svc")).containsExactly("response/v2.avsc is missing: versions must be numbered without gaps up to v3");
    }

    @Test
    void aStrayFileInAHistoryIsRefused() {
        fixture.write("svc/request/latest.avsc", CatalogueFixture.REQUEST_V1);
        assertThat(problems("svc")).containsExactly("request/latest.avsc is not a schema version file (v1.avsc, v2.avsc, ...)");
    }

    @Test
    void anInvalidSchemaIsRefused() {
        fixture.write("svc/request/v1.avsc", "{\"type\": \"record\", \"name\": \"Req\"}");
        assertThat(problems("svc")).singleElement().asString().startsWith("request/v1.avsc is not a valid Avro schema");
    }

    @Test
    void aVersionThatCannotReadAnEarlierOneIsRefused() {
        fixture.write("svc/request/v2.avsc", CatalogueFixture.REQUEST_V1.replace("\"default\": null}",
                "\"default\": null},\n  {\"name\": \"required_new\", \"type\": \"int\"}"));
        assertThat(problems("svc")).singleElement().asString().startsWith("request/: t.Req v2 cannot read data written with v1");
    }

    @Test
    void aRenamedRecordIsNotANewVersion() {
        fixture.write("svc/response/v2.avsc", CatalogueFixture.RESPONSE_V1.replace("\"Res\"", "\"Other\""));
        assertThat(problems("svc")).singleElement().asString().contains("every version must keep the record's name");
    }

    @Test
    void aRequestAndAResponseOfTheSameNameAreRefused() {
        fixture.write("svc/response/v1.avsc", CatalogueFixture.RESPONSE_V1.replace("\"Res\", \"namespace\": \"t\"",
                "\"Req\", \"namespace\": \"other\""));
        assertThat(problems("svc")).containsExactly("the request and the response record are both named Req: give them different names");
    }

    @Test
    void anUnknownKeyFieldIsNamed() {
        fixture.descriptor("key: [order_id, line_no]", "key: [order_id, line]");
        assertThat(problems("svc")).containsExactly(
                "key field 'line' is not a field of Req [order_id, line_no, created_at, price, currency, note]");
    }

    @Test
    void aNullableKeyFieldIsRefused() {
        fixture.descriptor("key: [order_id, line_no]", "key: [order_id, note]");
        assertThat(problems("svc")).containsExactly("key field 'note' is nullable in Req: a key must always have a value");
    }

    @Test
    void aKeyFieldOfAnUnsuitableTypeIsRefused() {
        fixture.descriptor("key: [order_id, line_no]", "key: [order_id, price]");
        assertThat(problems("svc")).containsExactly(
                "key field 'price' is decimal(12,2): a key field must be a string, enum, int, long or date");
    }

    @Test
    void anUnknownEventTimeFieldIsNamed() {
        fixture.descriptor("event-time: created_at", "event-time: created");
        assertThat(problems("svc")).singleElement().asString().startsWith("event-time field 'created' is not a field of Req");
    }

    @Test
    void anEventTimeThatIsNoTimeIsRefused() {
        fixture.descriptor("event-time: created_at", "event-time: currency");
        assertThat(problems("svc")).containsExactly(
                "event-time field 'currency' is string: it must be a timestamp-millis, timestamp-micros or date");
    }

    @Test
    void aColumnMappingOfAnUnknownFieldIsNamed() {
        fixture.descriptor("columns: {line_no: line_number}", "columns: {line: line_number}");
        assertThat(problems("svc")).singleElement().asString().startsWith("columns: 'line' is not a field of Req");
    }

    @Test
    void aConstraintOnAnUnknownFieldIsNamed() {
        fixture.descriptor("price: {min: 0}", "cost: {min: 0}");
        assertThat(problems("svc")).singleElement().asString().startsWith("constraints: 'cost' is not a field of Req");
    }

    @Test
    void aRangeOnTextIsRefused() {
        fixture.descriptor("currency: {in: iso-4217}", "currency: {min: 0}");
        assertThat(problems("svc")).containsExactly("constraints.currency: min/max need a numeric field, it is string");
    }

    @Test
    void aPatternOnANumberIsRefused() {
        fixture.descriptor("price: {min: 0}", "price: {pattern: '[0-9]+'}");
        assertThat(problems("svc")).containsExactly(
                "constraints.price: pattern/max-length/in need a string or enum field, it is decimal(12,2)");
    }

    @Test
    void anIgnoredDiffFieldMustBeAResponseField() {
        fixture.descriptor("ignore: [version]", "ignore: [service_version]");
        assertThat(problems("svc")).singleElement().asString().startsWith("diff.ignore: 'service_version' is not a field of Res");
    }

    @Test
    void aRelativeFunctionJarIsResolvedAgainstTheServiceFolder() {
        fixture.descriptor("invoke: {http: {url: \"http://127.0.0.1:8083/price\"}}", "invoke: {function: f, jar: lib/f.jar}");
        assertThat(fixture.catalogue().load("svc").functionJar()).isEqualTo(root.resolve("svc/lib/f.jar").toUri());
    }

    @Test
    void theSampleRiskEntryOfTheCheckoutLoads() {
        ServiceDefinition risk = ServiceCatalogue.local(Path.of("../../schemas/services").toAbsolutePath().normalize().toUri())
                .load("risk");
        assertThat(risk.descriptor().key()).containsExactly("txn_id");
        assertThat(risk.requestSchema().getFullName()).isEqualTo("io.offstream.schemas.sample.Transaction");
    }

    @Test
    void theRiskCandidateEntryOfTheCheckoutIsRisksJarAndSchemasWithOtherProperties() {
        ServiceCatalogue checkout = ServiceCatalogue.local(Path.of("../../schemas/services").toAbsolutePath().normalize().toUri());
        ServiceDefinition risk = checkout.load("risk");
        ServiceDefinition candidate = checkout.load("risk-candidate");
        assertThat(candidate.functionJar()).isEqualTo(risk.functionJar());
        assertThat(candidate.descriptor().invoke().function()).isEqualTo(risk.descriptor().invoke().function());
        assertThat(candidate.descriptor().key()).isEqualTo(risk.descriptor().key());
        assertThat(candidate.descriptor().eventTime()).isEqualTo(risk.descriptor().eventTime());
        assertThat(candidate.descriptor().constraints()).isEqualTo(risk.descriptor().constraints());
        assertThat(candidate.descriptor().diffIgnore()).containsExactly("service_version");
        // events written for risk decode with the candidate's histories: the same fingerprints
        assertThat(candidate.request().versions()).extracting(SchemaVersion::fingerprint)
                .isEqualTo(risk.request().versions().stream().map(SchemaVersion::fingerprint).toList());
        assertThat(candidate.response().versions()).extracting(SchemaVersion::fingerprint)
                .isEqualTo(risk.response().versions().stream().map(SchemaVersion::fingerprint).toList());
        assertThat(risk.descriptor().invoke().properties()).isEmpty();
        assertThat(candidate.descriptor().invoke().properties()).containsExactly(
                entry("offstream.risk.service-version", "risk-1.1.0"),
                entry("offstream.risk.rules.review-from", "250"),
                entry("offstream.risk.rules.decline-from", "550"));
    }

    @Test
    void everyEntryOfTheCheckoutsCatalogueLoads() {
        ServiceCatalogue checkout = ServiceCatalogue.local(Path.of("../../schemas/services").toAbsolutePath().normalize().toUri());
        assertThat(checkout.serviceNames()).contains("pricing", "risk", "risk-candidate");
        checkout.serviceNames().forEach(checkout::load);
    }

    private List<String> problems(String service) {
        try {
            fixture.catalogue().load(service);
        } catch (InvalidServiceException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.problems();
        }
        throw new AssertionError("expected " + service + " to be refused");
    }
}
