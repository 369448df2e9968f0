package io.offstream.dataflow.auth;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.dataflow.client.DataFlowAuthorization;

/**
 * The SCDF client's {@link DataFlowAuthorization} for {@link DataFlowServerCredentials}: a given
 * access token, client-credentials tokens (fetched and refreshed by {@link AccessTokens}, dropped
 * when SCDF answers 401 so the client's retry carries a new one), basic, or none. Bad settings
 * fail in one line.
 */
public final class DataFlowAuthorizations {

    private static final Logger LOG = LoggerFactory.getLogger(DataFlowAuthorizations.class);

    private DataFlowAuthorizations() {
    }

    public static DataFlowAuthorization of(DataFlowServerCredentials credentials) {
        if (credentials.usesAccessToken()) {
            LOG.info("SCDF requests carry the access token given in dataflow-server-access-token");
            String token = credentials.dataflowServerAccessToken().trim();
            return DataFlowAuthorization.bearer(() -> token);
        }
        if (credentials.usesClientCredentials()) {
            ClientCredentials client = credentials.clientCredentials();
            LOG.info("SCDF requests carry access tokens of OAuth2 client {} from {}", client.clientId(), client.tokenUri());
            return new ClientCredentialsAuthorization(new AccessTokens(client));
        }
        if (credentials.usesBasic()) {
            credentials.checkBasic();
            LOG.info("SCDF requests use basic authentication as {}", credentials.dataflowServerUsername());
            return DataFlowAuthorization.basic(credentials.dataflowServerUsername(), credentials.dataflowServerPassword());
        }
        return DataFlowAuthorization.none();
    }

    /** Bearer tokens of a client-credentials client; a 401 makes the next request fetch a new one. */
    private record ClientCredentialsAuthorization(AccessTokens tokens) implements DataFlowAuthorization {

        @Override
        public Optional<String> header() {
            return Optional.of("Bearer " + tokens.get());
        }

        @Override
        public void rejected() {
            tokens.invalidate();
        }
    }
}
