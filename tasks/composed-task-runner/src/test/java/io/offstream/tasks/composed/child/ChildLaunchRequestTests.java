package io.offstream.tasks.composed.child;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChildLaunchRequestTests {

    private static final ChildLaunchRequest REQUEST = new ChildLaunchRequest("ct-ingress",
            Map.of("app.ingress.offstream.kafka.client.sasl.jaas.config", "PlainLoginModule required password=\"hunter2\";",
                    "app.ingress.spring.datasource.password", "s3cret",
                    "app.ingress.offstream.registry.oauth2-client-credentials-client-secret", "cs",
                    "app.ingress.dataflow-server-access-token", "eyJ",
                    "app.ingress.offstream.run.key", "r1",
                    "deployer.ingress.local.javaOpts", "-Xmx1g"),
            List.of("--spring.datasource.password=s3cret", "--offstream.run.from=2026-01-01"));

    @Test
    void masksSecretLookingValuesForTheLog() {
        ChildLaunchRequest masked = REQUEST.masked();

        assertThat(masked.toString()).doesNotContain("hunter2", "s3cret", "eyJ", "=cs");
        assertThat(masked.properties()).containsEntry("app.ingress.offstream.run.key", "r1")
                .containsEntry("deployer.ingress.local.javaOpts", "-Xmx1g")
                .containsEntry("app.ingress.spring.datasource.password", SecretValues.MASK);
        assertThat(masked.arguments()).containsExactly("--spring.datasource.password=" + SecretValues.MASK, "--offstream.run.from=2026-01-01");
    }

    @Test
    void savesNoSecretAndARestartTakesThemFromTodaysPlan() {
        ChildLaunchRequest saved = REQUEST.withoutSecrets();
        assertThat(saved.properties()).containsOnlyKeys("app.ingress.offstream.run.key", "deployer.ingress.local.javaOpts");
        assertThat(saved.arguments()).containsExactly("--offstream.run.from=2026-01-01");

        ChildLaunchRequest rotated = new ChildLaunchRequest("ct-ingress", Map.of("app.ingress.spring.datasource.password", "rotated",
                "app.ingress.offstream.run.key", "changed since"), List.of("--spring.datasource.password=rotated", "--other=1"));
        ChildLaunchRequest restarted = saved.withSecretsOf(rotated);

        assertThat(restarted.properties()).containsEntry("app.ingress.spring.datasource.password", "rotated")
                .as("what is not secret stays as the first run saved it").containsEntry("app.ingress.offstream.run.key", "r1");
        assertThat(restarted.arguments()).containsExactly("--offstream.run.from=2026-01-01", "--spring.datasource.password=rotated");
    }
}
