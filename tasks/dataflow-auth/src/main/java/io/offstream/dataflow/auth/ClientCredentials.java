package io.offstream.dataflow.auth;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * An OAuth2 client that gets its own access tokens (the client-credentials grant).
 *
 * @param tokenUri             the authorization server's token endpoint
 * @param clientId             the client
 * @param clientSecret         its secret
 * @param scopes               the scopes to ask for; empty: none asked
 * @param authenticationMethod how the client authenticates to the token endpoint
 */
public record ClientCredentials(URI tokenUri, String clientId, String clientSecret, Set<String> scopes,
        AuthenticationMethod authenticationMethod) {

    /** The two methods of RFC 6749 section 2.3.1, under their OpenID Connect names. */
    public enum AuthenticationMethod {
        /** HTTP Basic with the client id and secret. */
        CLIENT_SECRET_BASIC,
        /** The client id and secret as form parameters. */
        CLIENT_SECRET_POST;

        static AuthenticationMethod parse(String name) {
            String normalized = name == null || name.isBlank() ? "client_secret_basic" : name.trim().toLowerCase(Locale.ROOT);
            // Spring Security 5.x's older names, which SCDF's runner documentation also used
            if (normalized.equals("basic")) {
                return CLIENT_SECRET_BASIC;
            }
            if (normalized.equals("post")) {
                return CLIENT_SECRET_POST;
            }
            for (AuthenticationMethod method : values()) {
                if (method.name().toLowerCase(Locale.ROOT).equals(normalized)) {
                    return method;
                }
            }
            throw new IllegalStateException("oauth2-client-credentials-client-authentication-method '" + name
                    + "' is not one of client_secret_basic, client_secret_post");
        }
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "ClientCredentials[" + clientId + " at " + tokenUri + ", scopes " + scopes + "]";
    }
}
