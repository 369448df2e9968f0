package io.offstream.risk.config;

import java.time.Duration;

import io.offstream.risk.fx.LatencyModel;
import io.offstream.risk.rules.RiskRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The sample risk service's options ({@code offstream.risk.*}).
 *
 * @param enabled whether the service bean is created at all (a consumer in remote mode turns it off)
 * @param serviceVersion the version written into every decision
 * @param rules the rules' thresholds: where REVIEW and DECLINE begin
 * @param sellers how many seller profiles to seed into an empty database
 * @param cpuWorkIterations added CPU work per call (hashing rounds; a benchmark knob)
 * @param db the seller-profile database
 * @param cache the local seller-profile cache
 * @param latency the FX dependency's added latency per call
 */
@Validated
@ConfigurationProperties("offstream.risk")
public record RiskServiceProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("risk-1.0.0") @NotBlank String serviceVersion,
        @DefaultValue @Valid Rules rules,
        @DefaultValue("2000") @Min(1) int sellers,
        @DefaultValue("0") @Min(0) long cpuWorkIterations,
        @DefaultValue @Valid Db db,
        @DefaultValue @Valid Cache cache,
        @DefaultValue @Valid Latency latency) {

    /**
     * @param reviewFrom the lowest score that is reviewed rather than approved
     * @param declineFrom the lowest score that is declined; not below {@code reviewFrom}
     */
    public record Rules(
            @DefaultValue("300") @Min(0) int reviewFrom,
            @DefaultValue("600") @Min(0) int declineFrom) {

        /** Refused where it is bound, naming both options (a Bean Validation constraint could not show the values). */
        public Rules {
            if (reviewFrom > declineFrom) {
                throw new IllegalArgumentException("offstream.risk.rules.review-from (" + reviewFrom
                        + ") must not be above offstream.risk.rules.decline-from (" + declineFrom + ")");
            }
        }

        public RiskRules.Thresholds thresholds() {
            return new RiskRules.Thresholds(reviewFrom, declineFrom);
        }
    }

    /**
     * @param url JDBC URL; the default is an in-memory H2 database seeded at start
     * @param username database user
     * @param password database password
     * @param poolSize connection pool size
     */
    public record Db(
            @DefaultValue("jdbc:h2:mem:offstream-risk;DB_CLOSE_DELAY=-1") @NotBlank String url,
            @DefaultValue("sa") String username,
            @DefaultValue("") String password,
            @DefaultValue("4") @Min(1) int poolSize) {
    }

    /**
     * @param maxSize most seller profiles kept
     * @param expireAfterWrite how long a profile is kept
     */
    public record Cache(
            @DefaultValue("10000") @Min(1) long maxSize,
            @DefaultValue("10m") @NotNull Duration expireAfterWrite) {
    }

    /**
     * @param mode none, fixed or heavy-tailed
     * @param base the fixed latency, or the minimum of the heavy-tailed one
     * @param alpha Pareto shape of the heavy tail (smaller = heavier)
     * @param max cap of the heavy-tailed latency
     */
    public record Latency(
            @DefaultValue("none") @NotNull LatencyModel.Mode mode,
            @DefaultValue("0ms") @NotNull Duration base,
            @DefaultValue("1.5") @DecimalMin("0.1") double alpha,
            @DefaultValue("2s") @NotNull Duration max) {

        public LatencyModel model() {
            return new LatencyModel(mode, base, alpha, max);
        }
    }
}
