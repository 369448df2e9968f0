package io.offstream.tasks.support.ledger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the ledger tables with Flyway, keeping its own history table so it never touches
 * SCDF's ({@code flyway_schema_history_dataflow}) or anyone else's.
 */
public final class LedgerSchema {

    public static final String HISTORY_TABLE = "OFFSTREAM_SCHEMA_HISTORY";
    public static final String LOCATION = "classpath:db/offstream";

    private LedgerSchema() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure(LedgerSchema.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
