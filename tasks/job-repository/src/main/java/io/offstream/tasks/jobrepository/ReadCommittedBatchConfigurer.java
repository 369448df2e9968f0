package io.offstream.tasks.jobrepository;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.batch.BasicBatchConfigurer;
import org.springframework.boot.autoconfigure.batch.BatchProperties;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;

/**
 * Boot's JDBC batch configurer, but the job repository creates job executions at READ COMMITTED.
 * Spring Batch's default, SERIALIZABLE, makes PostgreSQL refuse one of two tasks starting at once
 * ("could not serialize access due to read/write dependencies among transactions"): the composed
 * runners and phases of a split run, or a dispatcher's children, all start together on one database.
 * Two launches of the same job instance still cannot both start: the job key is unique.
 */
public class ReadCommittedBatchConfigurer extends BasicBatchConfigurer {

    public static final String ISOLATION = "ISOLATION_READ_COMMITTED";

    public ReadCommittedBatchConfigurer(BatchProperties properties, DataSource dataSource, TransactionManagerCustomizers customizers) {
        super(properties, dataSource, customizers);
    }

    @Override
    protected String determineIsolationLevel() {
        return ISOLATION;
    }
}
