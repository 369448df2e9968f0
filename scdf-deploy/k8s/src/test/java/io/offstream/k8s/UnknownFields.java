package io.offstream.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The fields of a typed fabric8 object that its model does not know: fabric8 keeps them aside
 * (additionalProperties) rather than failing, so a misspelt field ({@code readinesProbe}) would
 * otherwise pass unseen, and Kubernetes would drop it.
 */
final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {
    }

    /** {@code path: [names]} for every object under {@code model} with fields its class lacks. */
    static List<String> in(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found);
        return found;
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, found));
            return;
        }
        if (node == null || !node.getClass().getPackageName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        if (node instanceof GenericKubernetesResource generic) {
            // a custom kind: only its metadata has a model here
            walk(generic.getMetadata(), path + ".metadata", found);
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = value(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add((path.isEmpty() ? "." : path) + ": " + extra.keySet());
                }
            }
            else {
                walk(value, path + "." + Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4), found);
            }
        }
    }

    private static Object value(Method getter, Object node) {
        try {
            return getter.invoke(node);
        }
        catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
