package io.offstream.tasks.support.batch;

import org.springframework.cloud.task.listener.TaskExecutionListener;
import org.springframework.cloud.task.repository.TaskExecution;

/** Keeps the running task's execution id, which phases record with their ledger rows. */
public class TaskExecutionIdHolder implements TaskExecutionListener {

    private volatile Long id;

    @Override
    public void onTaskStartup(TaskExecution taskExecution) {
        id = taskExecution.getExecutionId();
    }

    @Override
    public void onTaskEnd(TaskExecution taskExecution) {
    }

    @Override
    public void onTaskFailed(TaskExecution taskExecution, Throwable throwable) {
    }

    /** The task execution id; null outside a task. */
    public Long id() {
        return id;
    }
}
