package io.offstream.risk.fx;

/** The FX dependency has no rate for the currency: the request is wrong, a retry will not help. */
public class UnknownCurrencyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownCurrencyException(String currency) {
        super("No FX rate for currency '" + currency + "'");
    }
}
