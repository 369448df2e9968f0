package io.offstream.dataflow.server.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.cloud.deployer.spi.core.AppDefinition;
import org.springframework.cloud.deployer.spi.core.AppDeploymentRequest;
import org.springframework.cloud.deployer.spi.local.LocalDeployerProperties;
import org.springframework.cloud.deployer.spi.local.LocalTaskLauncher;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class SecretSafeTaskLauncherTests {

    @TempDir
    Path dir;

    @Test
    void aLaunchThatFailsNamesTheTaskAndTheCauseNotTheRequestWithItsPassword() throws Exception {
        LocalDeployerProperties properties = new LocalDeployerProperties();
        properties.setJavaCmd("/nonexistent/bin/java");
        properties.setWorkingDirectoriesRoot(dir);
        Path jar = Files.createFile(dir.resolve("task.jar"));
        AppDeploymentRequest request = new AppDeploymentRequest(
                new AppDefinition("offstream-run", Map.of("spring.datasource.password", "s3cret-value")),
                new FileSystemResource(jar), Map.of());

        Throwable unsafe = catchThrowable(() -> new LocalTaskLauncher(properties).launch(request));
        Throwable safe = catchThrowable(() -> new SecretSafeTaskLauncher(new LocalTaskLauncher(properties)).launch(request));

        assertThat(unsafe).as("what the local deployer says").hasMessageContaining("s3cret-value");
        assertThat(safe).hasMessageStartingWith("Cannot launch offstream-run: java.io.IOException: Cannot run program \"/nonexistent/bin/java\"")
                .hasMessageNotContaining("s3cret-value");
        for (Throwable cause = safe.getCause(); cause != null; cause = cause.getCause()) {
            assertThat(cause.getMessage()).doesNotContain("s3cret-value");
        }
    }
}
