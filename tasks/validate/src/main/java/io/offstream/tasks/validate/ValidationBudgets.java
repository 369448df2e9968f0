package io.offstream.tasks.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * How much of a run's source may end outside the landing and still pass: rejected by ingress (into the
 * quarantine) and dead-lettered by the service, each as a fraction of the source rows. Without them a
 * run that rejected or dead-lettered every row would reconcile ("explained") and pass.
 *
 * @param maxRejectedFraction     {@code offstream.validate.max-rejected-fraction}
 * @param maxDeadLetteredFraction {@code offstream.validate.max-dead-lettered-fraction}
 */
public record ValidationBudgets(double maxRejectedFraction, double maxDeadLetteredFraction) {

    /** No limit: for checks of the other rules alone. */
    public static final ValidationBudgets UNLIMITED = new ValidationBudgets(1, 1);

    public ValidationBudgets {
        if (!(maxRejectedFraction >= 0 && maxRejectedFraction <= 1) || !(maxDeadLetteredFraction >= 0 && maxDeadLetteredFraction <= 1)) {
            throw new IllegalArgumentException("validation budgets are fractions within [0, 1], were " + maxRejectedFraction + " and "
                    + maxDeadLetteredFraction);
        }
    }

    /** Each budget the counts exceed, in words naming its setting; empty when both hold. */
    public List<String> broken(long sourceRows, long rejectedRows, long deadLettered) {
        List<String> broken = new ArrayList<>();
        if (exceeds(rejectedRows, sourceRows, maxRejectedFraction)) {
            broken.add(String.format("rejected %,d of %,d source rows (%s), above the budget offstream.validate.max-rejected-fraction=%s",
                    rejectedRows, sourceRows, percent(rejectedRows, sourceRows), maxRejectedFraction));
        }
        if (exceeds(deadLettered, sourceRows, maxDeadLetteredFraction)) {
            broken.add(String.format("dead-lettered %,d of %,d source rows (%s), above the budget offstream.validate.max-dead-lettered-fraction=%s",
                    deadLettered, sourceRows, percent(deadLettered, sourceRows), maxDeadLetteredFraction));
        }
        return broken;
    }

    /** More rows than the fraction allows: compared in whole rows, so 1% of 3,000 allows exactly 30. */
    private static boolean exceeds(long rows, long sourceRows, double fraction) {
        return rows > Math.floor(fraction * sourceRows + 1e-9);
    }

    private static String percent(long rows, long of) {
        return of == 0 ? "n/a" : String.format("%.2f%%", 100.0 * rows / of);
    }
}
