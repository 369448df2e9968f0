package io.offstream.tasks.dispatch;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code offstream.dispatch.*}: how a run is split and where its children go. The run itself
 * (dataset, from, to, service, key, landing) is {@code offstream.run.*}, as for every phase.
 *
 * @param registryUrl        the region registry
 * @param registryUser       the user the registry's writes (placing and recording dispatches) are made as
 * @param registryPassword   its password; by default the platform's {@code offstream.security.password}
 *                           (application.properties), which the local platform hands every task in a
 *                           config tree. Never shown by {@link #toString()}
 * @param childDefinition    the definition each child runs: a definition on each region's SCDF,
 *                           copied there as {@code <childDefinition>-<platform account>} because
 *                           SCDF binds a definition to the first platform it ran on
 * @param children           how many children to split the range into (at most one per day)
 * @param daysPerChild       or: how many days each child takes (the last may take fewer)
 * @param slotsPerChild      task slots a child holds on its region: 2 for offstream-run (the
 *                           composed runner and the one phase it runs at a time)
 * @param pollInterval       how often children and the queue are looked at
 * @param platformTimeout    how long a launched child's SCDF may not answer before the child is
 *                           taken as lost with its region and re-routed
 * @param maxAttempts        launches of one child (re-routes included) before it is failed
 * @param timeout            the longest the dispatch waits for its children (0: no limit)
 * @param requireValidation  a child passes only when its run's VALIDATE phase is COMPLETED in the
 *                           ledger (false for a child definition that is not an Offstream run)
 * @param childProperties    launch properties given to every child as they are (e.g.
 *                           {@code app.drain.offstream.lag-wait.stall-timeout=3m})
 */
@ConfigurationProperties("offstream.dispatch")
@ConstructorBinding
@Validated
public record DispatchProperties(
        @NotNull @DefaultValue("http://localhost:8090") URI registryUrl,
        @NotBlank @DefaultValue("offstream") String registryUser,
        String registryPassword,
        @NotBlank @DefaultValue("offstream-run") String childDefinition,
        @Min(1) @Max(1000) Integer children,
        @Min(1) Integer daysPerChild,
        @Min(1) @Max(100) @DefaultValue("2") int slotsPerChild,
        @NotNull @DefaultValue("5s") Duration pollInterval,
        @NotNull @DefaultValue("2m") Duration platformTimeout,
        @Min(1) @DefaultValue("3") int maxAttempts,
        @NotNull @DefaultValue("0s") Duration timeout,
        @DefaultValue("true") boolean requireValidation,
        Map<String, String> childProperties) {

    public DispatchProperties {
        childProperties = childProperties == null ? Map.of() : Map.copyOf(childProperties);
        if (children != null && daysPerChild != null) {
            throw new IllegalArgumentException("Give offstream.dispatch.children or offstream.dispatch.days-per-child, not both");
        }
    }

    @Override
    public String toString() {
        return "DispatchProperties[registryUrl=" + registryUrl + ", registryUser=" + registryUser + ", registryPassword="
                + (registryPassword == null || registryPassword.isEmpty() ? "none" : "******") + ", childDefinition=" + childDefinition
                + ", children=" + children + ", daysPerChild=" + daysPerChild + ", slotsPerChild=" + slotsPerChild
                + ", pollInterval=" + pollInterval + ", platformTimeout=" + platformTimeout + ", maxAttempts=" + maxAttempts
                + ", timeout=" + timeout + ", requireValidation=" + requireValidation + ", childProperties=" + childProperties + "]";
    }

    public boolean waitsWithoutLimit() {
        return timeout.isZero() || timeout.isNegative();
    }
}
