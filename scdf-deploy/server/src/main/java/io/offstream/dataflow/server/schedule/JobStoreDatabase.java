package io.offstream.dataflow.server.schedule;

import java.sql.DatabaseMetaData;
import java.util.Arrays;

import javax.sql.DataSource;

import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The databases Quartz's job store runs on here: the server's own (H2 locally, PostgreSQL in
 * production), each with its schema migrations and the Quartz delegate that reads its BLOBs.
 */
enum JobStoreDatabase {

    H2(DatabaseDriver.H2, StdJDBCDelegate.class),
    POSTGRESQL(DatabaseDriver.POSTGRESQL, PostgreSQLDelegate.class);

    private final DatabaseDriver driver;

    private final Class<?> delegate;

    JobStoreDatabase(DatabaseDriver driver, Class<?> delegate) {
        this.driver = driver;
        this.delegate = delegate;
    }

    /** The folder of this database's migrations, under the package's {@code db/}. */
    String migrationsLocation() {
        return "classpath:io/offstream/dataflow/server/schedule/db/" + driver.getId();
    }

    String delegateClassName() {
        return delegate.getName();
    }

    /** The database behind a data source; fails (so the server does not start) on any other. */
    static JobStoreDatabase of(DataSource dataSource) {
        String url;
        try {
            url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
        }
        catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database the scheduler's job store is in", e);
        }
        DatabaseDriver driver = DatabaseDriver.fromJdbcUrl(url);
        return Arrays.stream(values()).filter(database -> database.driver == driver).findFirst()
                .orElseThrow(() -> new IllegalStateException("The scheduler keeps its schedules in the server's database, "
                        + "which must be H2 or PostgreSQL; " + url + " is " + driver
                        + ". Set spring.cloud.dataflow.features.schedules-enabled=false to run without schedules."));
    }
}
