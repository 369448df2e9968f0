package io.offstream.tasks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class SampleDayTests {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

    @Test
    void writesExactlyTheRowsAskedWithEveryBadKindEvenlySpread() {
        SampleDay day = SampleDay.generate(42, DAY, 9_000, 0.09);
        assertThat(day.rows()).hasSize(9_000);
        assertThat(day.badCounts()).hasSize(BadRowKind.values().length).allSatisfy((kind, count) -> assertThat(count).isEqualTo(90));
        assertThat(day.acceptedKeys()).hasSize(9_000 - 810).doesNotHaveDuplicates();
    }

    @Test
    void isDeterministicForASeed() {
        SampleDay a = SampleDay.generate(7, DAY, 1_000, 0.05);
        SampleDay b = SampleDay.generate(7, DAY, 1_000, 0.05);
        SampleDay c = SampleDay.generate(8, DAY, 1_000, 0.05);
        assertThat(a.rows()).isEqualTo(b.rows());
        assertThat(a.rows()).isNotEqualTo(c.rows());
    }

    @Test
    void transactionsAreTheRowsTheyAlwaysWere() throws Exception {
        // the digest of these rows as written before the orders dataset existed: same seed, same rows
        SampleDay day = SampleDay.generate(42, DAY, 2_000, 0.09);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        day.rows().forEach(r -> sha.update((r + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo("b40e8331963d7b3df3a876cc1c892d7b2b6db3d67f18c3d853b3c5abc1a4fb78");
    }

    @Test
    void duplicatesRepeatAnEarlierAcceptedKey() {
        SampleDay day = SampleDay.generate(42, DAY, 5_000, 0.09);
        var accepted = new HashSet<>(day.acceptedKeys());
        for (int i = 0; i < day.rows().size(); i++) {
            if (day.kinds().get(i) == BadRowKind.DUPLICATE_KEY) {
                assertThat(accepted).contains(day.rows().get(i).get("txn_id").toString());
            }
        }
    }
}
