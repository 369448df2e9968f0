package io.offstream.dataflow.server.security;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.common.security.AuthorizationProperties;

import static org.assertj.core.api.Assertions.assertThat;

class OffstreamAuthorizationRulesTests {

    @Test
    void offstreamEndpointsAreAppendedToTheBoundRulesOnce() {
        AuthorizationProperties authorization = new AuthorizationProperties();
        authorization.setRules(new ArrayList<>(List.of("GET /about => hasRole('ROLE_VIEW')")));
        OffstreamAuthorizationRules rules = new OffstreamAuthorizationRules();

        rules.postProcessAfterInitialization(authorization, "authorizationProperties");
        rules.postProcessAfterInitialization(authorization, "authorizationProperties");

        assertThat(authorization.getRules()).containsExactly(
                "GET /about => hasRole('ROLE_VIEW')", "GET /offstream/** => hasRole('ROLE_VIEW')");
    }

    @Test
    void otherBeansAreLeftAlone() {
        Object bean = new Object();
        assertThat(new OffstreamAuthorizationRules().postProcessAfterInitialization(bean, "other")).isSameAs(bean);
    }
}
