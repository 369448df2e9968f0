package io.offstream.risk.fx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

import io.offstream.risk.Determinism;

/**
 * A stand-in for a remote FX service: a daily rate per currency that drifts within +-2% of a
 * reference rate (a function of the currency and day, so history replays the same), served with
 * the configured latency per call.
 */
public class SimulatedFxRateClient implements FxRateClient {

    private record Currency(String reference, int digits) {
    }

    private static final Map<String, Currency> CURRENCIES = Map.ofEntries(
            Map.entry("USD", new Currency("1", 2)),
            Map.entry("EUR", new Currency("1.08", 2)),
            Map.entry("GBP", new Currency("1.27", 2)),
            Map.entry("JPY", new Currency("0.0067", 0)),
            Map.entry("CAD", new Currency("0.73", 2)),
            Map.entry("AUD", new Currency("0.66", 2)),
            Map.entry("CHF", new Currency("1.12", 2)),
            Map.entry("SEK", new Currency("0.095", 2)),
            Map.entry("CNY", new Currency("0.14", 2)),
            Map.entry("INR", new Currency("0.012", 2)),
            Map.entry("BRL", new Currency("0.20", 2)),
            Map.entry("MXN", new Currency("0.055", 2)));

    private final LatencyModel latency;

    public SimulatedFxRateClient(LatencyModel latency) {
        this.latency = latency;
    }

    @Override
    public BigDecimal usdPerUnit(String currency, LocalDate day, String txnId) {
        latency.await(txnId);
        Currency c = CURRENCIES.get(currency);
        if (c == null) {
            throw new UnknownCurrencyException(currency);
        }
        if ("USD".equals(currency)) {
            return BigDecimal.ONE;
        }
        double drift = (Determinism.unit("fx:" + currency + ":" + day) - 0.5) * 0.04;
        BigDecimal factor = BigDecimal.valueOf(Math.round((1.0 + drift) * 1_000_000L), 6);
        return new BigDecimal(c.reference()).multiply(factor).setScale(8, RoundingMode.HALF_UP);
    }

    @Override
    public int minorUnitDigits(String currency) {
        Currency c = CURRENCIES.get(currency);
        if (c == null) {
            throw new UnknownCurrencyException(currency);
        }
        return c.digits();
    }
}
