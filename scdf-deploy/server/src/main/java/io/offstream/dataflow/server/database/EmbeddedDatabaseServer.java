package io.offstream.dataflow.server.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.api.ErrorCode;
import org.h2.engine.SysProperties;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's H2 database, opened in this JVM and served over TCP. The database is created here,
 * with the datasource's credentials; the TCP server then only serves it (no {@code -ifNotExists}:
 * a client cannot create another database, nor one with its own admin user) and only to clients
 * that know the password. Bound to one address, 127.0.0.1 unless a cluster's tasks need more.
 */
final class EmbeddedDatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

    /** H2 reads the address its server sockets bind to from this system property only. */
    private static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";

    private final Connection holder;

    private final Server server;

    private EmbeddedDatabaseServer(Connection holder, Server server) {
        this.holder = holder;
        this.server = server;
    }

    /**
     * Opens (creating it if new) the database of {@code url} and serves it on {@code bindAddress}.
     * A database created by an earlier version without a password gets {@code password} now.
     */
    static EmbeddedDatabaseServer start(LocalH2Url url, String user, String password, String bindAddress) {
        System.setProperty(BIND_ADDRESS_PROPERTY, bindAddress);
        if (!bindAddress.equals(SysProperties.BIND_ADDRESS)) {
            // H2 reads the property once, when its classes load: too late here, it would listen everywhere
            throw new IllegalStateException("H2 was loaded before its bind address could be set: start the JVM with -D"
                    + BIND_ADDRESS_PROPERTY + "=" + bindAddress);
        }
        Connection holder = open(url, user, password == null ? "" : password);
        try {
            // remote clients come from this machine unless the server listens beyond it
            boolean loopback = bindAddress.startsWith("127.") || bindAddress.equals("localhost") || bindAddress.equals("::1");
            Server server = loopback ? Server.createTcpServer("-tcpPort", Integer.toString(url.port()))
                    : Server.createTcpServer("-tcpPort", Integer.toString(url.port()), "-tcpAllowOthers");
            server.start();
            log.info("Serving the H2 database {} on {}:{} (password required{})", url.database(), bindAddress, url.port(),
                    loopback ? ", this machine only" : "");
            if (password == null || password.isEmpty()) {
                log.warn("The H2 database {} has no password: anyone on this machine can use it. Set spring.datasource.password"
                        + " (scdf-deploy/local/up.sh generates one under .offstream/secrets/)", url.database());
            }
            return new EmbeddedDatabaseServer(holder, server);
        }
        catch (SQLException e) {
            closeQuietly(holder);
            throw new IllegalStateException("Cannot serve the H2 database on " + bindAddress + ":" + url.port() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Connection open(LocalH2Url url, String user, String password) {
        try {
            return DriverManager.getConnection(url.embeddedUrl(), user, password);
        }
        catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD || password.isEmpty()) {
                throw new IllegalStateException("Cannot open the H2 database " + url.database() + ": " + e.getMessage(), e);
            }
            return withPasswordSet(url, user, password, e);
        }
    }

    /** A database from before passwords (created with an empty one) is given {@code password}. */
    private static Connection withPasswordSet(LocalH2Url url, String user, String password, SQLException refused) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(url.embeddedUrl(), user, "");
        }
        catch (SQLException notEmptyEither) {
            throw new IllegalStateException("The H2 database " + url.database() + " refuses user " + user
                    + " with the configured password (spring.datasource.password): it was created with another one", refused);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER " + quoteIdentifier(user) + " SET PASSWORD " + quoteLiteral(password));
            log.info("The H2 database {} had no password; it now requires the configured one", url.database());
            return connection;
        }
        catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Cannot set the password of the H2 database " + url.database() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String quoteIdentifier(String name) {
        return '"' + name.toUpperCase(java.util.Locale.ROOT).replace("\"", "\"\"") + '"';
    }

    private static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        }
        catch (SQLException ignored) {
            // nothing more to release
        }
    }

    @Override
    public void close() {
        server.stop();
        closeQuietly(holder);
    }
}
