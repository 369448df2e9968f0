package io.offstream.dataflow.server.schedule;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;

/**
 * Creates (and later migrates) Quartz's tables in the server's database, with a Flyway of its own.
 *
 * <p>SCDF migrates its tables with Flyway too, with its own history table
 * ({@code flyway_schema_history_dataflow}), vendor locations and a baseline at version 1. Adding
 * Offstream's scripts to that instance would mix two version lines; Quartz's own scripts (and
 * Boot's {@code spring.quartz.jdbc.initialize-schema}) drop the tables on every start, which would
 * lose every schedule. So this is a second Flyway with its own history table
 * ({@value #HISTORY_TABLE}) and locations, run after SCDF's (SCDF baselines a non-empty database
 * at its version 1 and would skip its own first migration if Quartz's tables came first). It
 * baselines at 0, so its V1 runs in a database that already holds SCDF's tables.
 */
public class QuartzSchemaMigration implements InitializingBean {

    static final String HISTORY_TABLE = "flyway_schema_history_offstream_quartz";

    private static final Logger log = LoggerFactory.getLogger(QuartzSchemaMigration.class);

    private final DataSource dataSource;

    private final ObjectProvider<FlywayMigrationInitializer> dataflowMigration;

    private JobStoreDatabase database;

    public QuartzSchemaMigration(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> dataflowMigration) {
        this.dataSource = dataSource;
        this.dataflowMigration = dataflowMigration;
    }

    @Override
    public void afterPropertiesSet() {
        // Resolving SCDF's migration initializer runs it (when Flyway is enabled), before ours.
        dataflowMigration.ifAvailable(migrated -> { });
        database = JobStoreDatabase.of(dataSource);
        int applied = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(database.migrationsLocation())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
        log.info("Scheduler tables ({}) are up to date; {} migration(s) applied", database, applied);
    }

    /** The database the job store runs on, known once the migration has run. */
    JobStoreDatabase database() {
        return database;
    }
}
