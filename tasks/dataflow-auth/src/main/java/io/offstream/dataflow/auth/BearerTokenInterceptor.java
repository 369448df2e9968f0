package io.offstream.dataflow.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends {@code Authorization: Bearer} with the token its supplier gives for each request. When
 * the tokens are {@link AccessTokens} and the server answers 401 (the token revoked, the server's
 * keys rotated), it fetches a new one and sends the request once more. A token endpoint that
 * cannot be reached fails the request as an I/O error, as an unreachable server would.
 */
public final class BearerTokenInterceptor implements ClientHttpRequestInterceptor {

    private final Supplier<String> token;

    public BearerTokenInterceptor(Supplier<String> token) {
        this.token = token;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execute(request, body, execution);
        if (token instanceof AccessTokens tokens && response.getRawStatusCode() == HttpStatus.UNAUTHORIZED.value()) {
            response.close();
            tokens.invalidate();
            response = execute(request, body, execution);
        }
        return response;
    }

    private ClientHttpResponse execute(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        try {
            request.getHeaders().setBearerAuth(token.get());
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return execution.execute(request, body);
    }
}
