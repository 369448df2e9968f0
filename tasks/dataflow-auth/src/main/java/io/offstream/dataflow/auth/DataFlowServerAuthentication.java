package io.offstream.dataflow.auth;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.offstream.dataflow.client.DataFlowAuthorization;

/**
 * Gives the app the {@link DataFlowAuthorization} its SCDF clients (the composed runner's, the
 * dispatcher's) send, as {@link DataFlowServerCredentials} say. Bad settings fail the start in one
 * line. An app imports it ({@code @Import(DataFlowServerAuthentication.class)}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataFlowServerCredentials.class)
public class DataFlowServerAuthentication {

    @Bean
    DataFlowAuthorization dataFlowAuthorization(DataFlowServerCredentials credentials) {
        return DataFlowAuthorizations.of(credentials);
    }
}
