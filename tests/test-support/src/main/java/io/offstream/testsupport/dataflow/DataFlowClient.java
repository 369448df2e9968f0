package io.offstream.testsupport.dataflow;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.offstream.dataflow.client.ChildFollower;
import io.offstream.dataflow.client.ChildLostException;
import io.offstream.dataflow.client.DataFlowAuthorization;
import io.offstream.dataflow.client.DataFlowRefusedException;
import io.offstream.dataflow.client.DataFlowUnreachableException;
import io.offstream.dataflow.client.FollowSettings;
import io.offstream.dataflow.client.JobExecution;
import io.offstream.dataflow.client.LaunchRequest;
import io.offstream.dataflow.client.TaskExecutionState;

/**
 * What the tests ask of SCDF, as JSON for their assertions, over the one SCDF client
 * ({@link io.offstream.dataflow.client.DataFlowClient}: its form encoding, errors and follower):
 * no HTTP of its own. Errors come back as {@link DataFlowException} with the HTTP status.
 */
public final class DataFlowClient {

    /** Tests wait for a task's recorded end: a process gone without one is the server's to record (it does, as LOST). */
    private static final Duration NO_LOST_VERDICT = Duration.ofDays(1);

    private static final Duration POLL = Duration.ofMillis(500);

    private final io.offstream.dataflow.client.DataFlowClient client;

    public DataFlowClient(URI server) {
        this(server, null);
    }

    /**
     * A client of a secured server: every request carries {@code Authorization: Bearer} with the
     * token the supplier gives at that moment (so it may refresh it).
     */
    public DataFlowClient(URI server, Supplier<String> accessToken) {
        this.client = new io.offstream.dataflow.client.DataFlowClient(server,
                accessToken == null ? DataFlowAuthorization.none() : DataFlowAuthorization.bearer(accessToken), Duration.ofSeconds(60));
    }

    /** The same server with another token (null: none). */
    public DataFlowClient withAccessToken(Supplier<String> token) {
        return new DataFlowClient(server(), token);
    }

    /** The shared client itself, for typed calls. */
    public io.offstream.dataflow.client.DataFlowClient operations() {
        return client;
    }

    public URI server() {
        return client.server();
    }

    public JsonNode about() {
        return get("/about");
    }

    /** Registers (or re-registers) a boot2 task app. */
    public void registerTaskApp(String name, URI uri) {
        call(() -> {
            client.registerTaskApp(name, uri);
            return null;
        });
    }

    /** Registers (or re-registers) a stream app, e.g. the service consumer as a {@code processor}. */
    public void registerStreamApp(String type, String name, URI uri) {
        call(() -> {
            client.registerStreamApp(type, name, uri);
            return null;
        });
    }

    public void createTaskDefinition(String name, String dsl) {
        call(() -> {
            client.createDefinition(name, dsl, null);
            return null;
        });
    }

    public void destroyTaskDefinition(String name) {
        call(() -> {
            client.destroyDefinition(name);
            return null;
        });
    }

    /** Launches a task definition ({@code POST /tasks/executions}, the shared form encoding); returns the execution id. */
    public long launchTask(String name, Map<String, String> properties, List<String> arguments) {
        return call(() -> client.launch(new LaunchRequest(name, properties, arguments)));
    }

    public JsonNode taskExecution(long id) {
        return get("/tasks/executions/" + id);
    }

    /** Follows the execution with the shared follower until it has an end time; returns it as SCDF shows it. */
    public JsonNode awaitTaskEnd(long id, Duration timeout) {
        ChildFollower follower = new ChildFollower(client, new FollowSettings(POLL, timeout, timeout, NO_LOST_VERDICT, Duration.ofSeconds(30)));
        try {
            call(() -> follower.awaitEnd(id, "task execution " + id, () -> false));
        }
        catch (ChildLostException recordedLost) {
            // the server recorded its end as LOST: that end is what the test asserts on
        }
        return taskExecution(id);
    }

    /**
     * The id of an execution of {@code taskName} newer than {@code after}, once SCDF has one: e.g. the
     * composed runner SCDF launches for a job restart.
     */
    public long awaitNewerExecution(String taskName, long after, Duration timeout) {
        ChildFollower waiting = new ChildFollower(client, FollowSettings.of(POLL, timeout, timeout, NO_LOST_VERDICT));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Long> newer = call(() -> client.executions(taskName)).stream().map(TaskExecutionState::executionId)
                    .filter(id -> id > after).max(Long::compare);
            if (newer.isPresent()) {
                return newer.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No execution of " + taskName + " newer than " + after + " within " + timeout);
            }
            waiting.pause(() -> false, "waiting for a newer execution of " + taskName);
        }
    }

    /** The job executions a task execution ran, each as SCDF's job execution resource. */
    public List<JsonNode> jobExecutionsOf(JsonNode taskExecution) {
        List<JsonNode> jobs = new ArrayList<>();
        for (JobExecution job : call(() -> client.jobExecutions(taskExecution.path("executionId").asLong()))) {
            jobs.add(job.resource());
        }
        return jobs;
    }

    public JsonNode get(String path) {
        return call(() -> client.get(path));
    }

    /** Sends a form-encoded request; fails with SCDF's error message on a non-2xx answer. */
    public String send(String method, String path, Map<String, String> form) {
        return call(() -> client.send(method, path, form));
    }

    /** The shared client's typed errors as the tests' {@link DataFlowException} with its status (-1: no answer). */
    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        }
        catch (DataFlowRefusedException refused) {
            throw new DataFlowException(refused.getMessage(), refused.status());
        }
        catch (DataFlowUnreachableException unreachable) {
            throw new DataFlowException(unreachable.getMessage(), -1);
        }
    }
}
