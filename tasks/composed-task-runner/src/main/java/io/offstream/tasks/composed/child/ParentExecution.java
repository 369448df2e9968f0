package io.offstream.tasks.composed.child;

import java.util.OptionalLong;

import org.springframework.cloud.task.listener.TaskExecutionListener;
import org.springframework.cloud.task.repository.TaskExecution;

/** The runner's own task execution id, which every child is launched under as its parent. */
public class ParentExecution implements TaskExecutionListener {

    private volatile Long executionId;

    @Override
    public void onTaskStartup(TaskExecution taskExecution) {
        executionId = taskExecution.getExecutionId();
    }

    @Override
    public void onTaskEnd(TaskExecution taskExecution) {
    }

    @Override
    public void onTaskFailed(TaskExecution taskExecution, Throwable throwable) {
    }

    public OptionalLong executionId() {
        return executionId == null ? OptionalLong.empty() : OptionalLong.of(executionId);
    }
}
