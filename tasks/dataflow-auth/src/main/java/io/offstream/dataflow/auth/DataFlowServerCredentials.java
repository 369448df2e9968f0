package io.offstream.dataflow.auth;

import java.net.URI;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How an Offstream task (the composed runner, the dispatcher) authenticates to a secured SCDF
 * server, with the option names of SCDF 2.11.5's own composed task runner (top-level, as the server
 * and users pass them, e.g. {@code app.composed-task-runner.oauth2-client-credentials-client-id};
 * SCDF sets {@code dataflow-server-access-token} itself when
 * {@code spring.cloud.dataflow.task.use-user-access-token=true}). At most one way is used:
 * a given access token first, then client credentials, then basic authentication; none set means
 * an unsecured server.
 *
 * @param dataflowServerAccessToken                        a bearer token, as SCDF passes the launching user's
 *                                                         when {@code spring.cloud.dataflow.task.use-user-access-token=true}
 *                                                         (it is not refreshed: it must outlive the run)
 * @param oauth2ClientCredentialsClientId                  the OAuth2 client the task gets its own tokens as
 * @param oauth2ClientCredentialsClientSecret              that client's secret
 * @param oauth2ClientCredentialsTokenUri                  the authorization server's token endpoint
 * @param oauth2ClientCredentialsScopes                    the scopes to ask for (SCDF's roles: {@code dataflow.view},
 *                                                         {@code dataflow.deploy}, ...); none: the server's default
 * @param oauth2ClientCredentialsClientAuthenticationMethod {@code client_secret_basic} (default) or {@code client_secret_post}
 * @param dataflowServerUsername                           basic authentication (SCDF accepts it only with an
 *                                                         OAuth2 provider that has the password grant)
 * @param dataflowServerPassword                           basic authentication's password
 */
@ConfigurationProperties
@ConstructorBinding
public record DataFlowServerCredentials(
        String dataflowServerAccessToken,
        String oauth2ClientCredentialsClientId,
        String oauth2ClientCredentialsClientSecret,
        URI oauth2ClientCredentialsTokenUri,
        Set<String> oauth2ClientCredentialsScopes,
        @DefaultValue("client_secret_basic") String oauth2ClientCredentialsClientAuthenticationMethod,
        String dataflowServerUsername,
        String dataflowServerPassword) {

    public DataFlowServerCredentials {
        oauth2ClientCredentialsScopes = oauth2ClientCredentialsScopes == null ? Set.of() : Set.copyOf(oauth2ClientCredentialsScopes);
    }

    /** No authentication: an unsecured server. */
    public static DataFlowServerCredentials none() {
        return new DataFlowServerCredentials(null, null, null, null, null, "client_secret_basic", null, null);
    }

    public boolean usesAccessToken() {
        return StringUtils.hasText(dataflowServerAccessToken);
    }

    public boolean usesClientCredentials() {
        return !usesAccessToken() && StringUtils.hasText(oauth2ClientCredentialsClientId);
    }

    public boolean usesBasic() {
        return !usesAccessToken() && !usesClientCredentials() && StringUtils.hasText(dataflowServerUsername);
    }

    /** The client-credentials settings, checked: one line naming what is missing or wrong. */
    public ClientCredentials clientCredentials() {
        if (!StringUtils.hasText(oauth2ClientCredentialsClientSecret)) {
            throw new IllegalStateException("oauth2-client-credentials-client-id is set but oauth2-client-credentials-client-secret is not");
        }
        if (oauth2ClientCredentialsTokenUri == null || oauth2ClientCredentialsTokenUri.getScheme() == null) {
            throw new IllegalStateException("oauth2-client-credentials-client-id is set but oauth2-client-credentials-token-uri is not "
                    + "(an absolute http(s) URI of the authorization server's token endpoint)");
        }
        return new ClientCredentials(oauth2ClientCredentialsTokenUri, oauth2ClientCredentialsClientId,
                oauth2ClientCredentialsClientSecret, oauth2ClientCredentialsScopes,
                ClientCredentials.AuthenticationMethod.parse(oauth2ClientCredentialsClientAuthenticationMethod));
    }

    /** Basic authentication's settings, checked. */
    public void checkBasic() {
        if (!StringUtils.hasText(dataflowServerPassword)) {
            throw new IllegalStateException("dataflow-server-username is set but dataflow-server-password is not");
        }
    }

    /** Never the token, secret or password. */
    @Override
    public String toString() {
        return "DataFlowServerCredentials[" + (usesAccessToken() ? "access token" : usesClientCredentials()
                ? "client credentials of " + oauth2ClientCredentialsClientId + " at " + oauth2ClientCredentialsTokenUri
                : usesBasic() ? "basic as " + dataflowServerUsername : "none") + "]";
    }
}
