package io.offstream.launcher.platform;

import java.net.URI;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.offstream.launcher.Catalogue;
import io.offstream.launcher.Console;
import io.offstream.launcher.PlatformSettings;
import io.offstream.launcher.cluster.ClusterProcess;
import io.offstream.launcher.cluster.EngineClusters;

/**
 * The {@code status} command (status.sh): each component running or not, its pid, port and health,
 * and the registry's regions. Healthy when every started component answers.
 */
public final class PlatformStatus {

    private final PlatformSettings settings;

    private final Catalogue catalogue;

    private final PidRecords pids;

    private final Ports ports;

    private final Http http;

    private final ObjectMapper json;

    private final Console console;

    public PlatformStatus(PlatformSettings settings, Catalogue catalogue, PidRecords pids, Ports ports, Http http, ObjectMapper json, Console console) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.pids = pids;
        this.ports = ports;
        this.http = http;
        this.json = json;
        this.console = console;
    }

    /** @return 0 when every running component answers its probe, else 1 */
    public int show() {
        PlatformPorts p = settings.ports();
        boolean healthy = row("kafka", p.kafka(), () -> ports.isOpen(p.kafka()));
        healthy &= row("dataflow", p.scdf(), () -> http.ok(settings.scdfUrl().resolve("/about")));
        if (pids.pid(PlatformUp.POSTGRES).isPresent()) {
            int port = pids.port(PlatformUp.POSTGRES).orElse(p.postgres());
            healthy &= row(PlatformUp.POSTGRES, port, () -> ports.isOpen(port));
        }
        Consumers consumers = new Consumers(pids, ports, p);
        for (String service : catalogue.entries()) {
            int port = consumers.port(service);
            healthy &= row(Consumers.name(service), port, () -> http.ok(local(port, "/actuator/health")));
        }
        healthy &= row("realtime", p.realtime(), () -> http.ok(local(p.realtime(), "/actuator/health")));
        healthy &= row("pricing-service", p.pricing(), () -> http.ok(local(p.pricing(), "/health")));
        if (pids.pid(EngineClusters.NAMENODE).isPresent()) {
            for (ClusterProcess process : PlatformUp.engineClusters(settings).processes()) {
                healthy &= row(process.name(), process.port(), () -> http.get(process.probe()).map(process::ready).orElse(false));
            }
        }
        URI registryHealth = settings.registryUrl().resolve("/actuator/health");
        healthy &= row("region-registry", p.registry(), () -> http.ok(registryHealth));
        if (http.ok(registryHealth)) {
            http.get(settings.registryUrl().resolve("/regions")).ifPresent(this::regions);
        }
        console.print("logs: " + settings.display(settings.logs()) + "/   dashboard: " + settings.scdfUrl() + "/dashboard");
        return healthy ? 0 : 1;
    }

    /** @return false only for a running component that does not answer */
    private boolean row(String name, int port, BooleanSupplier probe) {
        OptionalLong pid = pids.runningPid(name);
        if (pid.isPresent()) {
            boolean up = probe.getAsBoolean();
            console.print(String.format(Locale.ROOT, "%-20s %-8s pid %-8s port %-6s %s", name, "running", pid.getAsLong(), port, up ? "up" : "down"));
            return up;
        }
        String note = ports.isOpen(port) ? "(port " + port + " taken by another process)" : "";
        console.print(String.format(Locale.ROOT, "%-20s %-8s %-12s port %-6s %s", name, "stopped", "", port, note));
        return true;
    }

    private void regions(String body) {
        try {
            for (JsonNode r : json.readTree(body)) {
                String reason = r.path("reason").isTextual() && !r.path("reason").asText().isEmpty() ? "  (" + r.path("reason").asText() + ")" : "";
                console.print(String.format(Locale.ROOT, "  region %-10s %-4s %-8s capMax %-3d active %-3d queued %-3d headroom %d%s",
                        r.path("name").asText(), r.path("health").asText(), r.path("enabled").asBoolean() ? "enabled" : "disabled",
                        r.path("capMax").asInt(), r.path("active").asInt(), r.path("queued").asInt(), r.path("headroom").asInt(), reason));
            }
        }
        catch (Exception e) {
            // status.sh printed nothing for regions it could not read
        }
    }

    private static URI local(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
