package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.runtime.fs.hdfs.HadoopFileSystem;
import org.junit.jupiter.api.Test;

/** hdfs:// landings resolve to Flink's Hadoop file system through the Hadoop client on the classpath. */
class HdfsLandingTests {

    @Test
    void anHdfsLandingIsServedByFlinksHadoopFileSystem() throws Exception {
        FileSystem fs = FileSystem.get(URI.create("hdfs://localhost:9/landing"));

        assertThat(fs).isInstanceOf(HadoopFileSystem.class);
        assertThat(((HadoopFileSystem) fs).getHadoopFileSystem().getClass().getName())
                .isEqualTo("org.apache.hadoop.hdfs.DistributedFileSystem");
    }
}
