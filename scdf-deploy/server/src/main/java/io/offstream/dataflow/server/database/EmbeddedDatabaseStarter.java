package io.offstream.dataflow.server.database;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Starts the {@link EmbeddedDatabaseServer} before any bean is created, so the server's own
 * DataSource (and its migrations) find the database served. A bean factory post-processor runs
 * before configuration properties are bound, so the few settings are read from the environment.
 */
final class EmbeddedDatabaseStarter implements BeanFactoryPostProcessor, DisposableBean {

    private final Environment environment;

    private EmbeddedDatabaseServer server;

    EmbeddedDatabaseStarter(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        LocalH2Url.parse(environment.getProperty("spring.datasource.url")).ifPresent(url -> {
            String bindAddress = Binder.get(environment).bind("offstream.embedded-database.bind-address", String.class)
                    .orElse("127.0.0.1");
            server = EmbeddedDatabaseServer.start(url, environment.getProperty("spring.datasource.username", "sa"),
                    environment.getProperty("spring.datasource.password", ""), bindAddress);
        });
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.close();
        }
    }
}
