package io.offstream.tasks.support.ledger;

/** The counts a phase records; a phase sets those it knows and leaves the others 0. */
public record PhaseCounts(long read, long rejected, long published, long consumed, long failed, long duplicates,
        long landed) {

    public static final PhaseCounts NONE = new PhaseCounts(0, 0, 0, 0, 0, 0, 0);

    /** What ingress knows. */
    public static PhaseCounts ingress(long read, long rejected, long published) {
        return new PhaseCounts(read, rejected, published, 0, 0, 0, 0);
    }

    public PhaseCounts plus(PhaseCounts o) {
        return new PhaseCounts(read + o.read, rejected + o.rejected, published + o.published, consumed + o.consumed,
                failed + o.failed, duplicates + o.duplicates, landed + o.landed);
    }
}
