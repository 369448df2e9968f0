/**
 * The embedded default's database: the SCDF server serves its H2 database over TCP, so the tasks
 * it launches record their executions and the run ledger in the same place. SCDF's own H2 server
 * accepts connections from anywhere and creates any database a client names; this one listens on
 * 127.0.0.1, creates only the server's own database, and requires the datasource password.
 */
package io.offstream.dataflow.server.database;
