package io.offstream.dataflow.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * SCDF 2.11's REST API over the JDK's HttpClient. Thread-safe; one per server is enough.
 * Besides {@link DataFlowOperations} it offers {@link #get(String)} and
 * {@link #send(String, String, Map)} for endpoints it has no method for (tests' assertions, schedules).
 */
public final class DataFlowClient implements DataFlowOperations {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final int PAGE_SIZE = 200;

    private final DataFlowHttp http;

    private final Duration timeout;

    public DataFlowClient(URI server) {
        this(server, DataFlowAuthorization.none(), DEFAULT_TIMEOUT);
    }

    public DataFlowClient(URI server, DataFlowAuthorization authorization) {
        this(server, authorization, DEFAULT_TIMEOUT);
    }

    /** @param timeout for connecting and for each answer */
    public DataFlowClient(URI server, DataFlowAuthorization authorization, Duration timeout) {
        this.http = new DataFlowHttp(withoutTrailingSlash(server), authorization, timeout);
        this.timeout = timeout;
    }

    /** The same server with other credentials. */
    public DataFlowClient withAuthorization(DataFlowAuthorization other) {
        return new DataFlowClient(http.server(), other, timeout);
    }

    @Override
    public URI server() {
        return http.server();
    }

    public JsonNode about() {
        return get("/about");
    }

    @Override
    public long launch(LaunchRequest request) {
        String answer = http.send("POST", "/tasks/executions", LaunchForm.encode(request)).trim();
        if (!answer.matches("\\d+")) {
            throw new DataFlowRefusedException("SCDF " + server() + " answered the launch of " + request.definitionName()
                    + " with '" + answer + "', not an execution id", 200, answer);
        }
        return Long.parseLong(answer);
    }

    @Override
    public TaskExecutionState execution(long executionId) {
        return TaskExecutionJson.state(get("/tasks/executions/" + executionId));
    }

    @Override
    public List<TaskExecutionState> executions(String definitionName) {
        JsonNode page = get("/tasks/executions?name=" + encode(definitionName) + "&size=" + PAGE_SIZE);
        List<TaskExecutionState> executions = new ArrayList<>();
        page.at("/_embedded/taskExecutionResourceList").forEach(e -> executions.add(TaskExecutionJson.state(e)));
        return executions;
    }

    /** The tasks a composed runner launched, among the newest {@value #PAGE_SIZE} executions, oldest first. */
    public List<TaskExecutionState> childrenOf(long parentExecutionId) {
        List<TaskExecutionState> children = new ArrayList<>();
        for (JsonNode execution : get("/tasks/executions?size=" + PAGE_SIZE).at("/_embedded/taskExecutionResourceList")) {
            JsonNode parent = execution.path("parentExecutionId");
            if (parent.isNumber() && parent.asLong() == parentExecutionId) {
                children.add(TaskExecutionJson.state(execution));
            }
        }
        children.sort(Comparator.comparingLong(TaskExecutionState::executionId));
        return children;
    }

    @Override
    public List<PlatformAccount> currentExecutions() {
        List<PlatformAccount> accounts = new ArrayList<>();
        for (JsonNode account : get("/tasks/executions/current")) {
            accounts.add(new PlatformAccount(account.path("name").asText(), TaskExecutionJson.text(account, "type"),
                    account.path("maximumTaskExecutions").asInt(0), account.path("runningExecutionCount").asInt(0)));
        }
        return accounts;
    }

    @Override
    public void stop(long executionId) {
        send("POST", "/tasks/executions/" + executionId, Map.of());
    }

    @Override
    public Optional<TaskDefinition> definition(String name) {
        try {
            JsonNode definition = get("/tasks/definitions/" + encode(name));
            return Optional.of(new TaskDefinition(definition.path("name").asText(name), TaskExecutionJson.text(definition, "dslText"),
                    TaskExecutionJson.text(definition, "description"), TaskExecutionJson.text(definition, "status")));
        }
        catch (DataFlowNotFoundException missing) {
            return Optional.empty();
        }
    }

    @Override
    public void createDefinition(String name, String dsl, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("definition", dsl);
        if (description != null) {
            form.put("description", description);
        }
        send("POST", "/tasks/definitions", form);
    }

    @Override
    public void destroyDefinition(String name) {
        send("DELETE", "/tasks/definitions/" + encode(name), Map.of());
    }

    @Override
    public void registerTaskApp(String name, URI uri) {
        send("POST", "/apps/task/" + encode(name), registration(uri, "2"));
    }

    @Override
    public void registerStreamApp(String type, String name, URI uri) {
        // SCDF 2.11 knows no Boot version after 3, and reads a Boot 4 app's metadata the same way
        send("POST", "/apps/" + encode(type) + "/" + encode(name), registration(uri, "3"));
    }

    @Override
    public List<TaskPlatform> platforms() {
        List<TaskPlatform> platforms = new ArrayList<>();
        for (JsonNode platform : get("/tasks/platforms?size=" + PAGE_SIZE).at("/_embedded/launcherResourceList")) {
            platforms.add(new TaskPlatform(platform.path("name").asText(), TaskExecutionJson.text(platform, "type"),
                    TaskExecutionJson.text(platform, "description")));
        }
        return platforms;
    }

    @Override
    public List<JobExecution> jobExecutions(long taskExecutionId) {
        List<JobExecution> jobs = new ArrayList<>();
        for (long id : execution(taskExecutionId).jobExecutionIds()) {
            JsonNode job = get("/jobs/executions/" + id);
            jobs.add(new JobExecution(job.path("executionId").asLong(id), TaskExecutionJson.text(job, "name"),
                    job.path("taskExecutionId").asLong(taskExecutionId), job.at("/jobExecution/status").asText(null),
                    job.path("restartable").asBoolean(false), job));
        }
        return jobs;
    }

    @Override
    public void restartJob(long jobExecutionId) {
        send("PUT", "/jobs/executions/" + jobExecutionId + "?restart=true", Map.of());
    }

    @Override
    public Optional<ProcessState> process(long executionId) {
        try {
            JsonNode process = get("/offstream/tasks/executions/" + executionId + "/process");
            return Optional.of(new ProcessState(executionId, process.path("ended").asBoolean(false),
                    process.path("state").asText("unknown"), process.path("processGone").asBoolean(false)));
        }
        catch (DataFlowNotFoundException stockServer) {
            return Optional.empty();
        }
    }

    /** Any GET, parsed: for endpoints without a method here. */
    public JsonNode get(String path) {
        return http.parse("GET", path, http.send("GET", path, null));
    }

    /** Any request with a form body (may be empty); returns the answer's body. */
    public String send(String method, String path, Map<String, String> form) {
        return http.send(method, path, LaunchForm.urlEncoded(form));
    }

    private static Map<String, String> registration(URI uri, String bootVersion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("uri", uri.toString());
        form.put("bootVersion", bootVersion);
        form.put("force", "true");
        return form;
    }

    private static String encode(String pathOrQueryPart) {
        return URLEncoder.encode(pathOrQueryPart, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static URI withoutTrailingSlash(URI server) {
        String text = server.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : server;
    }
}
