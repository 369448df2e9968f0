package io.offstream.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.offstream.risk.fx.LatencyModel;
import io.offstream.risk.fx.SimulatedFxRateClient;
import io.offstream.risk.fx.UnknownCurrencyException;
import io.offstream.risk.rules.RiskRules;
import io.offstream.risk.rules.RiskRules.Thresholds;
import io.offstream.risk.sellers.CachedSellerProfiles;
import io.offstream.risk.sellers.SellerProfileRepository;
import io.offstream.risk.sellers.SellerProfileSeeder;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RiskScorerTests {

    private static RiskScorer scorer;

    private static CachedSellerProfiles sellers;

    @BeforeAll
    static void seedDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:risk-scorer-tests;DB_CLOSE_DELAY=-1");
        assertThat(SellerProfileSeeder.seed(dataSource, 2000)).isEqualTo(2000);
        assertThat(SellerProfileSeeder.seed(dataSource, 2000)).isZero();
        sellers = new CachedSellerProfiles(new SellerProfileRepository(dataSource), 10_000, Duration.ofMinutes(10));
        scorer = new RiskScorer(sellers, new SimulatedFxRateClient(LatencyModel.none()), "risk-test", 10, Thresholds.DEFAULTS);
    }

    @Test
    void theSameTransactionAlwaysGetsTheSameDecision() {
        for (int n = 0; n < 500; n++) {
            Transaction t = SampleTransactions.transaction(n);
            assertThat(scorer.apply(t)).isEqualTo(scorer.apply(SampleTransactions.transaction(n)));
        }
        assertThat(sellers.hitRate()).isGreaterThan(0.5);
    }

    @Test
    void decisionsSpreadOverAllOutcomesAndUseTheLookedUpTier() {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> tiers = new HashMap<>();
        for (int n = 0; n < 3000; n++) {
            RiskDecision d = scorer.apply(SampleTransactions.transaction(n));
            counts.merge(d.getDecision(), 1, Integer::sum);
            tiers.merge(d.getSellerTier(), 1, Integer::sum);
            assertThat(d.getRiskScore()).isBetween(0, 1000);
            assertThat(d.getEventTime()).isEqualTo(SampleTransactions.transaction(n).getEventTime());
        }
        assertThat(counts).containsKeys("APPROVE", "REVIEW", "DECLINE");
        assertThat(tiers).containsKeys("new", "standard", "trusted", "unknown");
    }

    @Test
    void theDefaultThresholdsReviewFrom300AndDeclineFrom600() {
        assertThat(Thresholds.DEFAULTS).isEqualTo(new Thresholds(300, 600));
        assertThat(RiskRules.decision(299, Thresholds.DEFAULTS)).isEqualTo("APPROVE");
        assertThat(RiskRules.decision(300, Thresholds.DEFAULTS)).isEqualTo("REVIEW");
        assertThat(RiskRules.decision(599, Thresholds.DEFAULTS)).isEqualTo("REVIEW");
        assertThat(RiskRules.decision(600, Thresholds.DEFAULTS)).isEqualTo("DECLINE");
    }

    @Test
    void otherThresholdsChangeOnlyTheDecisionsOfScoresBetweenTheTwoVersions() {
        RiskScorer candidate = new RiskScorer(sellers, new SimulatedFxRateClient(LatencyModel.none()), "risk-candidate", 10,
                new Thresholds(250, 550));
        int changed = 0;
        for (int n = 0; n < 3000; n++) {
            RiskDecision baseline = scorer.apply(SampleTransactions.transaction(n));
            RiskDecision other = candidate.apply(SampleTransactions.transaction(n));
            assertThat(other.getRiskScore()).isEqualTo(baseline.getRiskScore());
            assertThat(other.getReasons()).isEqualTo(baseline.getReasons());
            int score = baseline.getRiskScore();
            boolean between = score >= 250 && score < 300 || score >= 550 && score < 600;
            if (between) {
                assertThat(other.getDecision()).isNotEqualTo(baseline.getDecision());
                changed++;
            }
            else {
                assertThat(other.getDecision()).isEqualTo(baseline.getDecision());
            }
        }
        assertThat(changed).as("sample transactions scored between the two versions' thresholds").isPositive();
        assertThat(RiskRules.decision(275, new Thresholds(250, 550))).isEqualTo("REVIEW");
        assertThat(RiskRules.decision(575, new Thresholds(250, 550))).isEqualTo("DECLINE");
    }

    @Test
    void thresholdsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> new Thresholds(600, 300)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reviewFrom 600 and declineFrom 300");
        assertThatThrownBy(() -> new Thresholds(-1, 300)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RiskRules.decision(500, new Thresholds(500, 500))).isEqualTo("DECLINE");
    }

    @Test
    void convertsTheAmountWithTheRateOfTheEventDay() {
        Transaction t = Transaction.newBuilder(SampleTransactions.transaction(1)).setCurrency("USD").setAmountMinor(12_345).build();
        assertThat(scorer.apply(t).getAmountUsdMinor()).isEqualTo(12_345);
        Transaction yen = Transaction.newBuilder(t).setCurrency("JPY").setAmountMinor(100_000).build();
        assertThat(scorer.apply(yen).getAmountUsdMinor()).isBetween(65_000L, 69_000L);
    }

    @Test
    void rejectsACurrencyTheFxDependencyDoesNotKnow() {
        Transaction t = Transaction.newBuilder(SampleTransactions.transaction(2)).setCurrency("XXX").build();
        assertThatThrownBy(() -> scorer.apply(t)).isInstanceOf(UnknownCurrencyException.class).hasMessageContaining("XXX");
    }

    @Test
    void heavyTailedLatencyIsAFunctionOfTheTransaction() {
        LatencyModel model = new LatencyModel(LatencyModel.Mode.HEAVY_TAILED, Duration.ofMillis(2), 1.5, Duration.ofMillis(500));
        assertThat(model.latencyFor("t-1")).isEqualTo(model.latencyFor("t-1"));
        long slow = 0;
        for (int i = 0; i < 1000; i++) {
            Duration d = model.latencyFor("t-" + i);
            assertThat(d).isBetween(Duration.ofMillis(2), Duration.ofMillis(500));
            if (d.compareTo(Duration.ofMillis(20)) > 0) {
                slow++;
            }
        }
        assertThat(slow).isBetween(10L, 80L); // (1/10)^1.5 = 3.2% beyond 10x the base
        assertThat(LatencyModel.fixed(Duration.ofMillis(3)).latencyFor("x")).isEqualTo(Duration.ofMillis(3));
        assertThat(Instant.EPOCH).isNotNull();
    }
}
