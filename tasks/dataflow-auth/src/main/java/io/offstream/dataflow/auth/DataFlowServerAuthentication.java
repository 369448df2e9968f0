package io.offstream.dataflow.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.support.BasicAuthenticationInterceptor;

/**
 * Makes every SCDF client an app builds from Boot's {@code RestTemplateBuilder} (the composed
 * runner's, the dispatcher's) authenticate as {@link DataFlowServerCredentials} say. Bad settings
 * fail the start in one line. An app imports it ({@code @Import(DataFlowServerAuthentication.class)}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataFlowServerCredentials.class)
public class DataFlowServerAuthentication {

    private static final Logger LOG = LoggerFactory.getLogger(DataFlowServerAuthentication.class);

    @Bean
    RestTemplateCustomizer dataFlowServerAuthenticationCustomizer(DataFlowServerCredentials credentials) {
        if (credentials.usesAccessToken()) {
            LOG.info("SCDF requests carry the access token given in dataflow-server-access-token");
            String token = credentials.dataflowServerAccessToken().trim();
            return rest -> rest.getInterceptors().add(new BearerTokenInterceptor(() -> token));
        }
        if (credentials.usesClientCredentials()) {
            ClientCredentials client = credentials.clientCredentials();
            LOG.info("SCDF requests carry access tokens of OAuth2 client {} from {}", client.clientId(), client.tokenUri());
            AccessTokens tokens = new AccessTokens(client);
            return rest -> rest.getInterceptors().add(new BearerTokenInterceptor(tokens));
        }
        if (credentials.usesBasic()) {
            credentials.checkBasic();
            LOG.info("SCDF requests use basic authentication as {}", credentials.dataflowServerUsername());
            return rest -> rest.getInterceptors().add(new BasicAuthenticationInterceptor(
                    credentials.dataflowServerUsername(), credentials.dataflowServerPassword()));
        }
        return rest -> { };
    }
}
