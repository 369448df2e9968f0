package io.offstream.risk.rules;

/** A rule that fired, with the points it adds to (or, negative, takes from) the score. */
public record RuleHit(String code, int points) {
}
