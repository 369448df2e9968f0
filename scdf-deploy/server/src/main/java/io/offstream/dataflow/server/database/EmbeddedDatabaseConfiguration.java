package io.offstream.dataflow.server.database;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Serves the server's H2 database over TCP when {@code spring.datasource.url} is a
 * {@code jdbc:h2:tcp://localhost:PORT/...} URL, in place of SCDF's own H2 server (switched off by
 * {@code spring.dataflow.embedded.database.enabled=false} in application.yml). Settings:
 * {@code offstream.embedded-database.enabled} (default true) and
 * {@code offstream.embedded-database.bind-address} (default 127.0.0.1; a cluster whose tasks run on
 * other hosts sets the address to listen on).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "offstream.embedded-database.enabled", matchIfMissing = true)
public class EmbeddedDatabaseConfiguration {

    @Bean
    static EmbeddedDatabaseStarter embeddedDatabaseStarter(Environment environment) {
        return new EmbeddedDatabaseStarter(environment);
    }
}
