package io.offstream.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.offstream.risk.fx.FxRateClient;
import io.offstream.risk.rules.CpuWork;
import io.offstream.risk.rules.RiskFacts;
import io.offstream.risk.rules.RiskRules;
import io.offstream.risk.rules.RuleHit;
import io.offstream.risk.sellers.CachedSellerProfiles;
import io.offstream.risk.sellers.SellerProfile;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;

/**
 * The sample production service's entry point: scores one marketplace transaction. It converts the
 * amount to US cents with the FX dependency (rate of the event's day), looks the seller up through
 * the cache and the database, and applies {@link RiskRules}. Deterministic: the same transaction
 * always gives the same decision.
 */
public class RiskScorer implements Function<Transaction, RiskDecision> {

    private final CachedSellerProfiles sellers;

    private final FxRateClient fx;

    private final String serviceVersion;

    private final long cpuWorkIterations;

    private final RiskRules.Thresholds thresholds;

    /**
     * @param serviceVersion written into every decision
     * @param cpuWorkIterations added CPU work per call (a benchmark knob)
     * @param thresholds where REVIEW and DECLINE begin
     */
    public RiskScorer(CachedSellerProfiles sellers, FxRateClient fx, String serviceVersion, long cpuWorkIterations,
            RiskRules.Thresholds thresholds) {
        this.sellers = sellers;
        this.fx = fx;
        this.serviceVersion = serviceVersion;
        this.cpuWorkIterations = cpuWorkIterations;
        this.thresholds = thresholds;
    }

    @Override
    public RiskDecision apply(Transaction t) {
        CpuWork.burn(t.getTxnId(), cpuWorkIterations);
        LocalDate day = t.getEventTime().atZone(ZoneOffset.UTC).toLocalDate();
        BigDecimal rate = fx.usdPerUnit(t.getCurrency(), day, t.getTxnId());
        long usdMinor = BigDecimal.valueOf(t.getAmountMinor())
                .movePointLeft(fx.minorUnitDigits(t.getCurrency()))
                .multiply(rate)
                .movePointRight(2)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        Optional<SellerProfile> seller = sellers.get(t.getSellerId());
        List<RuleHit> hits = RiskRules.evaluate(new RiskFacts(t, usdMinor, seller));
        int score = RiskRules.score(hits);
        return RiskDecision.newBuilder()
                .setTxnId(t.getTxnId())
                .setDecision(RiskRules.decision(score, thresholds))
                .setRiskScore(score)
                .setReasons(hits.stream().map(RuleHit::code).toList())
                .setAmountUsdMinor(usdMinor)
                .setSellerTier(seller.map(SellerProfile::tier).orElse("unknown"))
                .setServiceVersion(serviceVersion)
                .setEventTime(t.getEventTime())
                .build();
    }
}
