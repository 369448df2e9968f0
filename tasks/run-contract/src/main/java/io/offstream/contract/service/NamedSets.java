package io.offstream.contract.service;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The named value sets a constraint's {@code in} may name instead of a list. */
public final class NamedSets {

    /** ISO 4217 currency codes known to the JVM (e.g. EUR). */
    public static final String ISO_4217 = "iso-4217";

    /** ISO 3166-1 alpha-2 country codes (e.g. DE). */
    public static final String ISO_3166 = "iso-3166";

    private static final Map<String, Set<String>> SETS = Map.of(
            ISO_4217, Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
                    .collect(Collectors.toUnmodifiableSet()),
            ISO_3166, Set.of(Locale.getISOCountries()));

    private NamedSets() {
    }

    public static boolean exists(String name) {
        return SETS.containsKey(name);
    }

    public static Set<String> names() {
        return SETS.keySet();
    }

    /** The set's values; an {@link IllegalArgumentException} for an unknown name. */
    public static Set<String> values(String name) {
        Set<String> values = SETS.get(name);
        if (values == null) {
            throw new IllegalArgumentException("unknown named set '" + name + "' (known: " + SETS.keySet() + ")");
        }
        return values;
    }
}
