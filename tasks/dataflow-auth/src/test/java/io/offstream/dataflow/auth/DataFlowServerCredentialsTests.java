package io.offstream.dataflow.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner's authentication options, bound from SCDF's option names. */
class DataFlowServerCredentialsTests {

    @Test
    void scdfsClientCredentialsOptionsBind() {
        DataFlowServerCredentials credentials = bind(Map.of(
                "oauth2-client-credentials-client-id", "ctr",
                "oauth2-client-credentials-client-secret", "s3cret",
                "oauth2-client-credentials-token-uri", "http://127.0.0.1:9000/oauth2/token",
                "oauth2-client-credentials-scopes", "dataflow.view,dataflow.deploy",
                "oauth2-client-credentials-client-authentication-method", "client_secret_post"));

        assertThat(credentials.usesClientCredentials()).isTrue();
        ClientCredentials client = credentials.clientCredentials();
        assertThat(client.scopes()).containsExactlyInAnyOrder("dataflow.view", "dataflow.deploy");
        assertThat(client.authenticationMethod()).isEqualTo(ClientCredentials.AuthenticationMethod.CLIENT_SECRET_POST);
        assertThat(credentials.toString()).contains("ctr").doesNotContain("s3cret");
        assertThat(client.toString()).doesNotContain("s3cret");
    }

    @Test
    void aGivenAccessTokenWinsAndIsNeverPrinted() {
        DataFlowServerCredentials credentials = bind(Map.of("dataflow-server-access-token", "eyJtoken",
                "oauth2-client-credentials-client-id", "ctr"));

        assertThat(credentials.usesAccessToken()).isTrue();
        assertThat(credentials.usesClientCredentials()).isFalse();
        assertThat(credentials.toString()).doesNotContain("eyJtoken");
    }

    @Test
    void aClientIdWithoutSecretOrTokenUriIsRefusedInOneLine() {
        assertThatThrownBy(() -> bind(Map.of("oauth2-client-credentials-client-id", "ctr")).clientCredentials())
                .hasMessage("oauth2-client-credentials-client-id is set but oauth2-client-credentials-client-secret is not");
        assertThatThrownBy(() -> bind(Map.of("oauth2-client-credentials-client-id", "ctr",
                "oauth2-client-credentials-client-secret", "x")).clientCredentials())
                .hasMessageStartingWith("oauth2-client-credentials-client-id is set but oauth2-client-credentials-token-uri is not");
    }

    @Test
    void anUnknownAuthenticationMethodIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("oauth2-client-credentials-client-id", "ctr",
                "oauth2-client-credentials-client-secret", "x",
                "oauth2-client-credentials-token-uri", "http://127.0.0.1/token",
                "oauth2-client-credentials-client-authentication-method", "private_key_jwt")).clientCredentials())
                .hasMessageContaining("'private_key_jwt' is not one of client_secret_basic, client_secret_post");
    }

    @Test
    void nothingSetMeansNoAuthentication() {
        DataFlowServerCredentials credentials = bind(Map.of());

        assertThat(credentials.usesAccessToken() || credentials.usesClientCredentials() || credentials.usesBasic()).isFalse();
    }

    private static DataFlowServerCredentials bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("", DataFlowServerCredentials.class);
    }
}
