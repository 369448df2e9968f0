package io.offstream.dataflow.server.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.cloud.deployer.spi.scheduler.ScheduleRequest;

/**
 * What a firing launches: the schedule's properties and arguments as the user gave them.
 *
 * <p>A firing goes through SCDF's own launch path ({@code TaskExecutionService#executeTask}), which
 * wants the user's form ({@code app.<name>.x}, {@code deployer.<name>.x}, plain arguments). By the
 * time a {@link ScheduleRequest} reaches the {@code Scheduler} SPI, SCDF has already rewritten
 * that form for platforms that start the app themselves (app properties merged into the
 * definition, arguments extended, composed tasks turned into runner arguments), which cannot be
 * undone. So {@link LaunchCapturingSchedulerService} attaches the original as two scheduler
 * properties ({@value #PROPERTIES_KEY}, {@value #ARGUMENTS_KEY}, JSON), which SCDF passes through
 * to the SPI untouched. A request without them (a direct SPI call) is launched with its deployer
 * properties and arguments only.
 */
public record LaunchRequest(Map<String, String> properties, List<String> arguments) {

    static final String PROPERTIES_KEY = "offstream.launch-properties";

    static final String ARGUMENTS_KEY = "offstream.launch-arguments";

    private static final ObjectMapper JSON = new ObjectMapper();

    public LaunchRequest {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        arguments = List.copyOf(arguments);
    }

    /** This request as {@code scheduler.*} properties, for SCDF to carry to the SPI. */
    Map<String, String> asSchedulerProperties() {
        return Map.of(ScheduleKeys.SCHEDULER_PREFIX + PROPERTIES_KEY, propertiesJson(),
                ScheduleKeys.SCHEDULER_PREFIX + ARGUMENTS_KEY, argumentsJson());
    }

    /** The request attached to an SPI request's deployment properties, if there is one. */
    static Optional<LaunchRequest> attachedTo(Map<String, String> deploymentProperties) {
        String properties = deploymentProperties.get(ScheduleKeys.DEPLOYER_PREFIX + PROPERTIES_KEY);
        String arguments = deploymentProperties.get(ScheduleKeys.DEPLOYER_PREFIX + ARGUMENTS_KEY);
        if (properties == null || arguments == null) {
            return Optional.empty();
        }
        return Optional.of(fromJson(properties, arguments));
    }

    /**
     * For an SPI request without an attached launch request: its deployer properties (back in
     * {@code deployer.*.x} form, scheduler-only keys left out) and its arguments as they are.
     */
    static LaunchRequest derivedFrom(ScheduleRequest request) {
        Map<String, String> properties = new LinkedHashMap<>();
        request.getDeploymentProperties().forEach((key, value) -> {
            if (key.startsWith(ScheduleKeys.DEPLOYER_PREFIX) && !ScheduleKeys.isSchedulerOnly(key)
                    && !key.startsWith(ScheduleKeys.DEPLOYER_PREFIX + "cron.")
                    && !key.startsWith(ScheduleKeys.DEPLOYER_PREFIX + "offstream.")) {
                properties.put("deployer.*." + key.substring(ScheduleKeys.DEPLOYER_PREFIX.length()), value);
            }
        });
        List<String> arguments = request.getCommandlineArguments() == null ? List.of()
                : new ArrayList<>(request.getCommandlineArguments());
        return new LaunchRequest(properties, arguments);
    }

    String propertiesJson() {
        return write(properties);
    }

    String argumentsJson() {
        return write(arguments);
    }

    static LaunchRequest fromJson(String properties, String arguments) {
        try {
            return new LaunchRequest(JSON.readValue(properties, new TypeReference<LinkedHashMap<String, String>>() { }),
                    JSON.readValue(arguments, new TypeReference<List<String>>() { }));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored launch request is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
