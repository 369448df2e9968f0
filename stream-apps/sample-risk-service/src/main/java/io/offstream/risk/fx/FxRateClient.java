package io.offstream.risk.fx;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The external FX-rate dependency: US dollars per unit of a currency on a day. */
public interface FxRateClient {

    /** @throws UnknownCurrencyException when the currency has no rate */
    BigDecimal usdPerUnit(String currency, LocalDate day, String txnId);

    /** Digits after the decimal point of the currency's minor unit (2 for USD, 0 for JPY). */
    int minorUnitDigits(String currency);
}
