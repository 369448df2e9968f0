package io.offstream.testsupport.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.dataflow.DataFlowClient;
import io.offstream.testsupport.process.FreePorts;
import io.offstream.testsupport.process.JavaProcess;

/**
 * The SCDF server built in scdf-deploy/server, as a separate process on free ports, keeping its
 * data in an H2 file database under the work directory (so a restart keeps history, as locally).
 */
public final class DataFlowServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path jar;

    private final Path logFile;

    private final List<String> arguments;

    private final int port;

    private final String datasourceUrl;

    private JavaProcess process;

    private DataFlowServerProcess(Path jar, Path logFile, List<String> arguments, int port, String datasourceUrl) {
        this.jar = jar;
        this.logFile = logFile;
        this.arguments = List.copyOf(arguments);
        this.port = port;
        this.datasourceUrl = datasourceUrl;
    }

    /**
     * Starts the server.
     *
     * @param extraArguments further {@code --key=value} server arguments (platform accounts, ...)
     */
    public static DataFlowServerProcess start(RepositoryLayout layout, Path workDir, List<String> extraArguments) {
        int port = FreePorts.find();
        int h2Port = FreePorts.find();
        String datasourceUrl = "jdbc:h2:tcp://localhost:" + h2Port + "/" + workDir.resolve("h2/dataflow").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE";
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + datasourceUrl,
                "--offstream.home=" + layout.root(),
                "--spring.cloud.dataflow.task.platform.local.accounts.default.working-directories-root="
                        + workDir.resolve("task-work").toAbsolutePath(),
                // keep launched tasks' stdout/stderr for the failure's post-mortem
                "--spring.cloud.dataflow.task.platform.local.accounts.default.delete-files-on-exit=false"));
        arguments.addAll(extraArguments);
        DataFlowServerProcess server = new DataFlowServerProcess(layout.dataFlowServerJar(),
                workDir.resolve("logs/dataflow-server.log"), arguments, port, datasourceUrl);
        server.launch();
        return server;
    }

    private void launch() {
        JavaProcess.Builder builder = JavaProcess.jar("dataflow-server", jar).logFile(logFile);
        arguments.forEach(builder::arg);
        process = builder.start();
        DataFlowClient client = client();
        process.awaitReady(START_TIMEOUT, () -> {
            try {
                client.about();
                return true;
            }
            catch (RuntimeException notYet) {
                return false;
            }
        });
    }

    /** Stops the server with SIGTERM and starts it again on the same ports and database. */
    public void restart() {
        process.stop(Duration.ofSeconds(30));
        launch();
    }

    public URI uri() {
        return URI.create("http://localhost:" + port);
    }

    public DataFlowClient client() {
        return new DataFlowClient(uri());
    }

    /** The JDBC URL tasks launched by this server use (the ledger lives there too). */
    public String datasourceUrl() {
        return datasourceUrl;
    }

    public JavaProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
