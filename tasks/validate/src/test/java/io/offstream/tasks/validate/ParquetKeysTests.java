package io.offstream.tasks.validate;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParquetKeysTests {

    private static final Path RUN = new Path("file:///home/u/.offstream/landing/risk/run=r1/");

    @Test
    void aDotFolderAboveTheRunDoesNotHideItsFiles() {
        assertThat(ParquetKeys.hidden(RUN, new Path("file:/home/u/.offstream/landing/risk/run=r1/dt=2026-01-01/part-0.snappy.parquet")))
                .isFalse();
    }

    @Test
    void underscoreAndDotEntriesBelowTheRunAreHidden() {
        assertThat(ParquetKeys.hidden(RUN, new Path("file:/home/u/.offstream/landing/risk/run=r1/_staging/part-0.parquet"))).isTrue();
        assertThat(ParquetKeys.hidden(RUN, new Path("file:/home/u/.offstream/landing/risk/run=r1/dt=2026-01-01/.part-0.parquet.crc")))
                .isTrue();
    }
}
