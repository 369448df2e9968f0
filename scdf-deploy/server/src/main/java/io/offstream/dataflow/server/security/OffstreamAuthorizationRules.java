package io.offstream.dataflow.server.security;

import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.common.security.AuthorizationProperties;
import org.springframework.stereotype.Component;

/**
 * Gives the endpoints Offstream adds to the server ({@code /offstream/**}: a run's progress, a
 * task execution's process) a rule in SCDF's authorization rules. With OAuth2 on, SCDF denies
 * every path its rules do not name, so without these the composed runner would lose its view of
 * a child's process. Reading them takes {@code ROLE_VIEW}, as reading a task execution does.
 *
 * <p>Appended to the bound rules rather than set as a property, because a list property set
 * anywhere replaces SCDF's whole default rule list.
 */
@Component
public class OffstreamAuthorizationRules implements BeanPostProcessor {

    /** Offstream's rules, in SCDF's {@code METHOD path => expression} form. */
    public static final List<String> RULES = List.of(
            "GET /offstream/** => hasRole('ROLE_VIEW')");

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AuthorizationProperties authorization) {
            addTo(authorization);
        }
        return bean;
    }

    static void addTo(AuthorizationProperties authorization) {
        for (String rule : RULES) {
            if (!authorization.getRules().contains(rule)) {
                authorization.getRules().add(rule);
            }
        }
    }
}
