package io.offstream.tasks.support.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispatchLedgerTests {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    private DispatchLedger ledger;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        RunLedger.migrated(dataSource);
        ledger = new DispatchLedger(dataSource);
    }

    @Test
    void recordsAParentAndItsChildrenOnceAndFollowsEachChild() {
        DispatchRecord parent = new DispatchRecord("p", "risk", "file:/d/", JAN_1, JAN_1.plusDays(3), "file:/l/",
                "offstream-run", 2, DispatchRecord.RUNNING, null);
        List<DispatchChild> children = List.of(DispatchChild.planned("p", 1, "p-c1of2", JAN_1, JAN_1.plusDays(1)),
                DispatchChild.planned("p", 2, "p-c2of2", JAN_1.plusDays(2), JAN_1.plusDays(3)));
        assertThat(ledger.createIfAbsent(parent, children)).isTrue();
        assertThat(ledger.createIfAbsent(parent, children)).isFalse();
        assertThat(ledger.children("p")).isEqualTo(children);

        DispatchChild first = children.get(0).queued(7, "queued")
                .launching("region-c", "region-c", "http://scdf", "offstream-run-region-c", "launch-1");
        assertThat(first.status()).isEqualTo(ChildStatus.LAUNCHING);
        first = first.launchFailed("refused");
        assertThat(first.status()).isEqualTo(ChildStatus.QUEUED);
        assertThat(first.message()).isEqualTo("launch on region-c failed: refused");
        assertThat(first.attempts()).isEqualTo(1);
        first = first.launching("region-a", "region-a", "http://scdf", "offstream-run-region-a", "launch-2").launched(42)
                .ended(ChildStatus.PASSED, "exited 0");
        ledger.save(first);
        ledger.updateStatus("p", DispatchRecord.PASSED, "all passed");

        DispatchChild saved = ledger.children("p").get(0);
        assertThat(saved).isEqualTo(first);
        assertThat(saved.region()).isEqualTo("region-a");
        assertThat(saved.taskExecutionId()).isEqualTo(42L);
        assertThat(saved.registryDispatchId()).isEqualTo(7L);
        assertThat(saved.attempts()).isEqualTo(2);
        assertThat(saved.launchId()).isEqualTo("launch-2");
        assertThat(ledger.find("p")).get().extracting(DispatchRecord::status).isEqualTo(DispatchRecord.PASSED);
    }

    @Test
    void aRetriedChildStartsOverButKeepsItsRegistryDispatch() {
        DispatchChild failed = DispatchChild.planned("p", 1, "p-c1of1", JAN_1, JAN_1).queued(3, "q")
                .launching("region-a", "region-a", "http://scdf", "d", "l").launched(9).ended(ChildStatus.FAILED, "validation failed");
        DispatchChild retried = failed.retried();
        assertThat(retried.status()).isEqualTo(ChildStatus.PLANNED);
        assertThat(retried.attempts()).isZero();
        assertThat(retried.registryDispatchId()).isEqualTo(3L);
        assertThat(retried.message()).contains("validation failed");
        assertThat(failed.lost("region gone").status()).isEqualTo(ChildStatus.QUEUED);
        assertThat(failed.lost("region gone").attempts()).isEqualTo(1);
    }
}
