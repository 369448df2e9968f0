package io.offstream.contract.coerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Source values as the text a quarantined row keeps. */
class ValueTextTests {

    @Test
    void scalarsArePlainText() {
        assertThat(ValueText.of(null)).isNull();
        assertThat(ValueText.of(" a ")).isEqualTo(" a ");
        assertThat(ValueText.of(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(ValueText.of(Timestamp.from(Instant.parse("2026-01-03T10:00:00Z")))).isEqualTo("2026-01-03T10:00:00Z");
        assertThat(ValueText.of(java.sql.Date.valueOf("2026-01-03"))).isEqualTo("2026-01-03");
        assertThat(ValueText.of(new byte[] {1, 2, 3})).isEqualTo("AQID");
    }

    @Test
    void nestedValuesAreJsonLike() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", "Main \"1\"");
        address.put("zone", 2);
        address.put("tags", Arrays.asList("a", null));
        assertThat(ValueText.of(List.of(address, 1.5))).isEqualTo("[{\"street\": \"Main \\\"1\\\"\", \"zone\": 2, \"tags\": [\"a\", null]}, 1.5]");
    }

    @Test
    void briefTextIsOneShortLine() {
        assertThat(ValueText.brief("a\nb")).isEqualTo("a b");
        assertThat(ValueText.brief("y".repeat(41))).hasSize(40).endsWith("...");
        assertThat(ValueText.brief(null)).isEqualTo("null");
    }
}
