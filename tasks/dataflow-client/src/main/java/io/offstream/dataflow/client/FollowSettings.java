package io.offstream.dataflow.client;

import java.time.Duration;

/**
 * How a {@link ChildFollower} follows a launched task execution.
 *
 * @param interval         between two looks
 * @param maxWait          how long {@link ChildFollower#awaitEnd} waits before it stops the child and gives up; null: no limit
 * @param silenceLimit     how long the server may give no usable answer before the child counts as unreachable
 * @param lostProcessGrace how long the process may be gone with no end recorded before the child counts as lost
 *                         (a task that exits normally records its end a moment after its process is gone)
 * @param progressLogEvery how often a long wait or a silence is logged
 */
public record FollowSettings(Duration interval, Duration maxWait, Duration silenceLimit, Duration lostProcessGrace,
        Duration progressLogEvery) {

    public FollowSettings {
        requirePositive(interval, "interval");
        requirePositive(silenceLimit, "silenceLimit");
        requirePositive(lostProcessGrace, "lostProcessGrace");
        requirePositive(progressLogEvery, "progressLogEvery");
        if (maxWait != null && (maxWait.isNegative() || maxWait.isZero())) {
            maxWait = null;
        }
    }

    /** Settings with a 30 s progress log. */
    public static FollowSettings of(Duration interval, Duration maxWait, Duration silenceLimit, Duration lostProcessGrace) {
        return new FollowSettings(interval, maxWait, silenceLimit, lostProcessGrace, Duration.ofSeconds(30));
    }

    public boolean waitsWithoutLimit() {
        return maxWait == null;
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("Follow setting " + name + " must be positive, not " + value);
        }
    }
}
