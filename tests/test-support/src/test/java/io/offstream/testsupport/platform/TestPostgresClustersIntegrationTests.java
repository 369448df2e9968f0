package io.offstream.testsupport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep stops a cluster with pg_ctl, a process: an integration test, though these fake clusters have no server. */
class TestPostgresClustersIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void onlyTheClustersOfJvmsThatAreGoneAreSweptAway() throws Exception {
        Path orphan = cluster("offstream-postgres-orphan", "999999999");
        Path mine = cluster("offstream-postgres-mine", Long.toString(ProcessHandle.current().pid()));
        Path unclaimed = Files.createDirectories(temp.resolve("offstream-postgres-unclaimed"));
        Path other = cluster("someone-else-orphan", "999999999");

        TestPostgresClusters.sweep(temp, temp.resolve("no-binaries-needed-without-data"));

        assertThat(orphan).doesNotExist();
        assertThat(mine).exists();
        assertThat(unclaimed).as("a JVM may still be writing its owner file").exists();
        assertThat(other).exists();
    }

    private Path cluster(String name, String ownerPid) throws Exception {
        Path directory = Files.createDirectories(temp.resolve(name).resolve("data"));
        Files.writeString(temp.resolve(name).resolve("owner.pid"), ownerPid);
        return directory.getParent();
    }
}
