package io.offstream.risk.config;

import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.offstream.risk.RiskScorer;
import io.offstream.risk.fx.FxRateClient;
import io.offstream.risk.fx.SimulatedFxRateClient;
import io.offstream.risk.sellers.CachedSellerProfiles;
import io.offstream.risk.sellers.SellerProfileRepository;
import io.offstream.risk.sellers.SellerProfileSeeder;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires the sample service into any Boot app that has this library: its own seller-profile
 * database (seeded at start), the cache, the FX client, and the entry point bean {@code riskService},
 * a {@code Function<Transaction, RiskDecision>}.
 */
@AutoConfiguration
@EnableConfigurationProperties(RiskServiceProperties.class)
@ConditionalOnProperty(prefix = "offstream.risk", name = "enabled", havingValue = "true", matchIfMissing = true)
public class RiskServiceAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = "riskDataSource")
    HikariDataSource riskDataSource(RiskServiceProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("offstream-risk");
        config.setJdbcUrl(properties.db().url());
        config.setUsername(properties.db().username());
        config.setPassword(properties.db().password());
        config.setMaximumPoolSize(properties.db().poolSize());
        HikariDataSource dataSource = new HikariDataSource(config);
        SellerProfileSeeder.seed(dataSource, properties.sellers());
        return dataSource;
    }

    @Bean
    @ConditionalOnMissingBean
    FxRateClient fxRateClient(RiskServiceProperties properties) {
        return new SimulatedFxRateClient(properties.latency().model());
    }

    @Bean
    CachedSellerProfiles cachedSellerProfiles(DataSource riskDataSource, RiskServiceProperties properties) {
        return new CachedSellerProfiles(new SellerProfileRepository(riskDataSource), properties.cache().maxSize(),
                properties.cache().expireAfterWrite());
    }

    /** The service's own entry point. */
    @Bean
    Function<Transaction, RiskDecision> riskService(CachedSellerProfiles sellers, FxRateClient fxRateClient,
            RiskServiceProperties properties) {
        return new RiskScorer(sellers, fxRateClient, properties.serviceVersion(), properties.cpuWorkIterations(),
                properties.rules().thresholds());
    }
}
