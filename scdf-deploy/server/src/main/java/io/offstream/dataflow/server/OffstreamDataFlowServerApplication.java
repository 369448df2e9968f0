package io.offstream.dataflow.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.session.SessionAutoConfiguration;
import org.springframework.cloud.dataflow.server.EnableDataFlowServer;
import org.springframework.cloud.deployer.spi.cloudfoundry.CloudFoundryDeployerAutoConfiguration;
import org.springframework.cloud.deployer.spi.kubernetes.KubernetesAutoConfiguration;
import org.springframework.cloud.deployer.spi.local.LocalDeployerAutoConfiguration;

/**
 * The Spring Cloud Data Flow 2.11.5 server that Offstream runs on.
 *
 * <p>The starter brings every platform's deployer; their auto-configurations would try to bind
 * to Cloud Foundry, Kubernetes or a lone local deployer, so they are excluded here and the task
 * platforms come from {@code spring.cloud.dataflow.task.platform.*} accounts instead. Boot's own
 * security and session auto-configurations are excluded, as in SCDF's server: security is SCDF's
 * OAuth2 / OpenID Connect configuration, on as soon as {@code spring.security.oauth2.*} is set
 * (scdf-deploy/SECURITY.md; {@link io.offstream.dataflow.server.security}), off otherwise.
 * Boot's Quartz auto-configuration is off too: the local platform's scheduler sets up its own
 * Quartz, in the server's database, only when schedules are enabled
 * ({@link io.offstream.dataflow.server.schedule.SchedulingConfiguration}).
 */
@SpringBootApplication(exclude = {
        SessionAutoConfiguration.class,
        SecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class,
        LocalDeployerAutoConfiguration.class,
        CloudFoundryDeployerAutoConfiguration.class,
        KubernetesAutoConfiguration.class,
        QuartzAutoConfiguration.class })
@EnableDataFlowServer
public class OffstreamDataFlowServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(OffstreamDataFlowServerApplication.class, args);
    }
}
