package io.offstream.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * A Kustomize directory rendered by kubectl's built-in kustomize ({@code kubectl kustomize DIR}),
 * its objects read with fabric8's model: typed classes for Kubernetes' own kinds, a generic
 * resource for custom ones (Strimzi's, KEDA's, the Flink operator's).
 */
final class Kustomize {

    private final String kubectl;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    Kustomize(String kubectl) {
        this.kubectl = kubectl;
    }

    /** kubectl as {@code -Doffstream.kubectl} names it, else the one on the PATH. */
    static Kustomize fromEnvironment() {
        return new Kustomize(System.getProperty("offstream.kubectl", "kubectl"));
    }

    List<HasMetadata> render(Path directory) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", directory.toString()).redirectErrorStream(false).start();
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot run " + kubectl + " (install kubectl, e.g. Debian's kubernetes-client, or name it with"
                    + " -Doffstream.kubectl=PATH): " + e.getMessage(), e);
        }
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(kubectl + " kustomize " + directory + " failed: " + err.strip());
        }
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : new String(out, StandardCharsets.UTF_8).split("(?m)^---\\s*$")) {
            if (!document.isBlank()) {
                objects.add(serialization.unmarshal(document, HasMetadata.class));
            }
        }
        return objects;
    }

    /** A YAML or JSON document as a plain map (a Spring application.yaml, say). */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> readMap(String yaml) {
        return serialization.unmarshal(yaml, java.util.Map.class);
    }

    /** A generic (custom) resource's field by path, e.g. {@code spec.triggers}; null when absent. */
    static Object field(Object node, String path) {
        Object current = node;
        for (String step : path.split("\\.")) {
            if (current instanceof java.util.Map<?, ?> map) {
                current = map.get(step);
            }
            else if (current instanceof List<?> list && step.matches("\\d+")) {
                int index = Integer.parseInt(step);
                current = index < list.size() ? list.get(index) : null;
            }
            else {
                return null;
            }
        }
        return current;
    }
}
