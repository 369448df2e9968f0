package io.offstream.dataflow.server.launch;

import org.springframework.cloud.deployer.spi.core.AppDeploymentRequest;
import org.springframework.cloud.deployer.spi.core.RuntimeEnvironmentInfo;
import org.springframework.cloud.deployer.spi.task.TaskLauncher;
import org.springframework.cloud.deployer.spi.task.TaskStatus;

/**
 * A platform's task launcher whose launch failures do not carry the launch request. The local
 * deployer fails with "Exception trying to launch [AppDeploymentRequest ...]": the whole request,
 * the datasource password SCDF adds among its properties, which SCDF then logs and returns in its
 * REST error. This launcher fails with the task's name and the cause (e.g. "Cannot run program
 * ...") instead; everything else goes to the platform's own launcher.
 */
public final class SecretSafeTaskLauncher implements TaskLauncher {

    private final TaskLauncher delegate;

    public SecretSafeTaskLauncher(TaskLauncher delegate) {
        this.delegate = delegate;
    }

    @Override
    public String launch(AppDeploymentRequest request) {
        try {
            return delegate.launch(request);
        }
        catch (RuntimeException e) {
            throw withoutRequest(e, request);
        }
    }

    /** The failure, named by the task and its first cause that does not print the request. */
    static RuntimeException withoutRequest(RuntimeException failure, AppDeploymentRequest request) {
        String printed = String.valueOf(request);
        Throwable cause = failure;
        while (cause != null && cause.getMessage() != null && cause.getMessage().contains(printed)) {
            cause = cause.getCause();
        }
        if (cause == failure) {
            return failure;
        }
        String name = request.getDefinition() == null ? "a task" : request.getDefinition().getName();
        return new IllegalStateException("Cannot launch " + name + (cause == null ? "" : ": " + cause), cause);
    }

    @Override
    public void cancel(String id) {
        delegate.cancel(id);
    }

    @Override
    public TaskStatus status(String id) {
        return delegate.status(id);
    }

    @Override
    public void cleanup(String id) {
        delegate.cleanup(id);
    }

    @Override
    public void destroy(String appName) {
        delegate.destroy(appName);
    }

    @Override
    public RuntimeEnvironmentInfo environmentInfo() {
        return delegate.environmentInfo();
    }

    @Override
    public int getMaximumConcurrentTasks() {
        return delegate.getMaximumConcurrentTasks();
    }

    @Override
    public int getRunningTaskExecutionCount() {
        return delegate.getRunningTaskExecutionCount();
    }

    @Override
    public String getLog(String id) {
        return delegate.getLog(id);
    }
}
