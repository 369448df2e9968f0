package io.offstream.k8s;

import static io.offstream.k8s.Kustomize.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.offstream.testsupport.RepositoryModules;

/**
 * Every overlay of scdf-deploy/k8s (one per region) rendered as {@code kubectl apply -k} would,
 * each object read with fabric8's typed model, and checked against the code it deploys: images
 * of the repo's deployables, the ports their apps listen on, the consumer group the consumer
 * joins, the engine versions the jobs are built with, and no password anywhere in the files.
 */
class KubernetesManifestsIntegrationTests {

    private static final String HOME_REGION = "region-a";
    /** Images of other projects the manifests may use, by name: each must carry a fixed tag. */
    private static final Set<String> THIRD_PARTY_IMAGES = Set.of("postgres", "flink");

    private static final RepositoryModules repository = RepositoryModules.locate();
    private static final Path K8S = repository.root().resolve("scdf-deploy/k8s");
    private static final Kustomize kustomize = Kustomize.fromEnvironment();
    private static final Map<String, List<HasMetadata>> rendered = new HashMap<>();
    private static String version;

    @BeforeAll
    static void render() throws Exception {
        version = System.getProperty("offstream.version", "0.1.0-SNAPSHOT");
        for (String region : regions()) {
            rendered.put(region, kustomize.render(K8S.resolve("overlays").resolve(region)));
        }
    }

    static List<String> regions() throws IOException {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("regions")
    void everyObjectIsInTheRegionsNamespaceAndKnownToItsTypedModel(String region) {
        List<HasMetadata> objects = rendered.get(region);
        String namespace = namespaceOf(region);

        assertThat(objects).filteredOn(Namespace.class::isInstance).extracting(o -> o.getMetadata().getName()).containsExactly(namespace);
        assertThat(objects).filteredOn(o -> !(o instanceof Namespace)).allSatisfy(o -> assertThat(o.getMetadata().getNamespace())
                .as("namespace of %s %s", o.getKind(), o.getMetadata().getName()).isEqualTo(namespace));
        assertThat(objects).filteredOn(GenericKubernetesResource.class::isInstance).extracting(HasMetadata::getKind)
                .as("only custom kinds lack a typed model").allMatch(Set.of("Kafka", "KafkaNodePool", "FlinkDeployment", "ScaledObject")::contains);
        for (HasMetadata object : objects) {
            assertThat(UnknownFields.in(object)).as("fields of %s %s that Kubernetes does not know", object.getKind(),
                    object.getMetadata().getName()).isEmpty();
        }
        assertThat(objects).filteredOn(GenericKubernetesResource.class::isInstance)
                .extracting(o -> o.getKind() + " " + o.getApiVersion())
                .allMatch(Set.of("Kafka kafka.strimzi.io/v1beta2", "KafkaNodePool kafka.strimzi.io/v1beta2",
                        "FlinkDeployment flink.apache.org/v1beta1", "ScaledObject keda.sh/v1alpha1")::contains);
    }

    @ParameterizedTest
    @MethodSource("regions")
    void imagesAreTheRepositorysDeployablesOrPinnedThirdPartyOnes(String region) {
        Set<String> deployables = repository.deployableImages();
        List<String> images = new ArrayList<>(containers(rendered.get(region)).stream().map(Container::getImage).toList());
        custom(rendered.get(region), "FlinkDeployment").forEach(flink -> images.add((String) field(flink.getAdditionalProperties(), "spec.image")));

        assertThat(images).isNotEmpty().allSatisfy(image -> {
            String name = image.substring(0, image.lastIndexOf(':'));
            String tag = image.substring(image.lastIndexOf(':') + 1);
            if (name.startsWith("offstream/")) {
                assertThat(deployables).as("deployable modules (Spring Boot apps) of the repo").contains(name);
                assertThat(tag).isEqualTo(version);
            }
            else {
                assertThat(THIRD_PARTY_IMAGES).contains(name);
                assertThat(tag).isNotBlank().isNotEqualTo("latest");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("regions")
    void servicesReachAContainerPortTheirAppListensOn(String region) {
        List<HasMetadata> objects = rendered.get(region);
        Map<String, Integer> appPorts = new HashMap<>();
        for (String module : repository.deployables()) {
            String port = repository.serverPort(module);
            if (port != null) {
                appPorts.put(RepositoryModules.imageOf(repository.artifactId(module)), Integer.valueOf(port));
            }
        }
        for (Container container : containers(objects)) {
            String name = container.getImage().substring(0, container.getImage().lastIndexOf(':'));
            if (appPorts.containsKey(name)) {
                assertThat(container.getPorts()).as("ports of %s", container.getImage()).extracting(ContainerPort::getContainerPort)
                        .containsExactly(appPorts.get(name));
                assertThat(container.getEnv()).as("%s listens beyond loopback in a pod", name)
                        .anySatisfy(env -> assertThat(env.getName() + "=" + env.getValue()).isEqualTo("SERVER_ADDRESS=0.0.0.0"));
            }
        }

        List<Service> services = objects.stream().filter(Service.class::isInstance).map(Service.class::cast).toList();
        assertThat(services).isNotEmpty();
        for (Service service : services) {
            List<PodTemplateSpec> selected = podTemplates(objects).stream()
                    .filter(t -> t.getMetadata().getLabels().entrySet().containsAll(service.getSpec().getSelector().entrySet())).toList();
            assertThat(selected).as("pods selected by service %s", service.getMetadata().getName()).hasSize(1);
            Set<String> portNames = selected.get(0).getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                    .map(ContainerPort::getName).collect(Collectors.toSet());
            assertThat(service.getSpec().getPorts()).extracting(p -> p.getTargetPort().getStrVal())
                    .as("target ports of service %s", service.getMetadata().getName()).allMatch(portNames::contains);
        }
    }

    @ParameterizedTest
    @MethodSource("regions")
    void noPasswordIsWrittenDownOnlySecretsAreReferenced(String region) {
        for (Container container : containers(rendered.get(region))) {
            for (EnvVar env : container.getEnv()) {
                if (env.getName().contains("PASSWORD")) {
                    assertThat(env.getValue()).as("%s of %s", env.getName(), container.getName()).isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef()).as("%s of %s", env.getName(), container.getName()).isNotNull();
                }
            }
        }
        for (ConfigMap map : typed(rendered.get(region), ConfigMap.class)) {
            assertThat(map.getData()).allSatisfy((key, value) -> {
                assertThat(key.toLowerCase()).doesNotContain("password");
                assertThat(value.toLowerCase()).as("ConfigMap %s key %s", map.getMetadata().getName(), key).doesNotContainPattern("password\\s*[:=]");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("regions")
    void theRegionsSettingsPointAtItsOwnKafkaFlinkAndNamespace(String region) {
        List<HasMetadata> objects = rendered.get(region);
        Map<String, String> settings = configMap(objects, "offstream-region").getData();

        GenericKubernetesResource kafka = single(custom(objects, "Kafka"));
        Object plain = ((List<?>) field(kafka.getAdditionalProperties(), "spec.kafka.listeners")).stream()
                .filter(l -> "plain".equals(field(l, "name"))).findFirst().orElseThrow();
        String bootstrap = kafka.getMetadata().getName() + "-kafka-bootstrap:" + field(plain, "port");
        assertThat(settings).containsEntry("OFFSTREAM_KAFKA_BOOTSTRAPSERVERS", bootstrap)
                .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", bootstrap);
        assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/kraft", "enabled").containsEntry("strimzi.io/node-pools", "enabled");
        int nodes = custom(objects, "KafkaNodePool").stream()
                .peek(pool -> assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName()))
                .mapToInt(pool -> (Integer) field(pool.getAdditionalProperties(), "spec.replicas")).sum();
        int minInsync = (Integer) ((Map<?, ?>) field(kafka.getAdditionalProperties(), "spec.kafka.config")).get("min.insync.replicas");
        assertThat(minInsync).as("acks=all survives one node down").isGreaterThan(1).isLessThan(nodes);

        GenericKubernetesResource flink = single(custom(objects, "FlinkDeployment"));
        String flinkVersion = repository.pomProperty("tasks/flink-egress-job", "flink.version");
        assertThat((String) field(flink.getAdditionalProperties(), "spec.flinkVersion"))
                .isEqualTo("v" + flinkVersion.replaceFirst("^(\\d+)\\.(\\d+).*", "$1_$2"));
        assertThat((String) field(flink.getAdditionalProperties(), "spec.image")).startsWith("flink:" + flinkVersion);
        assertThat(typed(objects, ServiceAccount.class)).extracting(a -> a.getMetadata().getName())
                .contains((String) field(flink.getAdditionalProperties(), "spec.serviceAccount"));
        assertThat(settings).containsEntry("OFFSTREAM_EGRESS_FLINKREST", "http://" + flink.getMetadata().getName() + "-rest:8081");

        String sparkVersion = repository.pomProperty("tasks/spark-ingress-job", "spark.version");
        assertThat(settings).containsEntry("OFFSTREAM_INGRESS_ENGINE", "spark-submit")
                .containsEntry("OFFSTREAM_INGRESS_SPARKCONF_SPARK_KUBERNETES_NAMESPACE", namespaceOf(region))
                .hasEntrySatisfying("OFFSTREAM_INGRESS_MASTER", master -> assertThat(master).startsWith("k8s://"))
                .hasEntrySatisfying("OFFSTREAM_INGRESS_SPARKCONF_SPARK_KUBERNETES_CONTAINER_IMAGE",
                        image -> assertThat(image).contains(":" + sparkVersion));
        assertThat(settings).hasEntrySatisfying("OFFSTREAM_SERVICES_LOCATION", uri -> assertThat(uri).doesNotStartWith("file:"));
    }

    @ParameterizedTest
    @MethodSource("regions")
    void eachConsumerScalesOnItsServicesConsumerGroupLag(String region) throws IOException {
        List<HasMetadata> objects = rendered.get(region);
        List<GenericKubernetesResource> scalers = custom(objects, "ScaledObject");
        List<Deployment> consumers = typed(objects, Deployment.class).stream()
                .filter(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().startsWith("offstream/service-consumer:")).toList();
        assertThat(consumers).isNotEmpty();
        assertThat(scalers).extracting(s -> field(s.getAdditionalProperties(), "spec.scaleTargetRef.name"))
                .containsExactlyInAnyOrderElementsOf(consumers.stream().map(d -> d.getMetadata().getName()).toList());

        String bootstrap = configMap(objects, "offstream-region").getData().get("OFFSTREAM_KAFKA_BOOTSTRAPSERVERS");
        for (GenericKubernetesResource scaler : scalers) {
            Deployment consumer = consumers.stream()
                    .filter(d -> d.getMetadata().getName().equals(field(scaler.getAdditionalProperties(), "spec.scaleTargetRef.name"))).findFirst().orElseThrow();
            String service = env(consumer.getSpec().getTemplate().getSpec().getContainers().get(0), "OFFSTREAM_CONSUMER_SERVICE").orElseThrow();
            assertThat(repository.root().resolve("schemas/services").resolve(service).resolve("service.yaml")).as("catalogue entry").exists();
            Object trigger = single((List<?>) field(scaler.getAdditionalProperties(), "spec.triggers"));
            assertThat(field(trigger, "type")).isEqualTo("kafka");
            // RunTopics.consumerGroup: the group every consumer of the service joins
            assertThat(field(trigger, "metadata.consumerGroup")).isEqualTo("offstream-" + service);
            assertThat(field(trigger, "metadata.bootstrapServers")).isEqualTo(bootstrap);
            assertThat((Integer) field(scaler.getAdditionalProperties(), "spec.minReplicaCount"))
                    .as("at zero replicas a new run's topics have no offsets for KEDA to see").isGreaterThanOrEqualTo(1);
            assertThat(consumer.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom())
                    .anySatisfy(from -> assertThat(from.getConfigMapRef().getName()).isEqualTo("offstream-region"));
            // the consumer reads its entry as files: mounted where its catalogue location says, every file of the entry
            String location = env(consumer.getSpec().getTemplate().getSpec().getContainers().get(0), "OFFSTREAM_SERVICES_LOCATION").orElseThrow();
            assertThat(location).startsWith("file:");
            String mountPath = location.substring("file:".length()).replaceAll("/$", "") + "/" + service;
            String volume = consumer.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().stream()
                    .filter(m -> m.getMountPath().equals(mountPath)).findFirst().orElseThrow(() -> new AssertionError("no mount at " + mountPath))
                    .getName();
            List<String> mounted = consumer.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getName().equals(volume))
                    .findFirst().orElseThrow().getConfigMap().getItems().stream().map(item -> item.getPath()).toList();
            assertThat(mounted).containsExactlyInAnyOrderElementsOf(entryFiles(service));
        }
    }

    @ParameterizedTest
    @MethodSource("regions")
    void roleBindingsNameRolesAndAccountsThatExist(String region) {
        List<HasMetadata> objects = rendered.get(region);
        Set<String> roles = typed(objects, Role.class).stream().map(r -> r.getMetadata().getName()).collect(Collectors.toSet());
        for (RoleBinding binding : typed(objects, RoleBinding.class)) {
            assertThat(roles).contains(binding.getRoleRef().getName());
            for (Subject subject : binding.getSubjects()) {
                String namespace = subject.getNamespace() == null ? namespaceOf(region) : subject.getNamespace();
                List<HasMetadata> home = rendered.values().stream()
                        .filter(list -> list.stream().anyMatch(o -> o instanceof Namespace && o.getMetadata().getName().equals(namespace)))
                        .findFirst().orElseThrow(() -> new AssertionError("no overlay has namespace " + namespace));
                assertThat(typed(home, ServiceAccount.class)).extracting(a -> a.getMetadata().getName())
                        .as("service accounts of %s (subject of %s)", namespace, binding.getMetadata().getName()).contains(subject.getName());
            }
        }
    }

    @Test
    void theHomeRegionsServerHasAnAccountPerRegionWhoseTasksGetTheirPasswordFromASecret() throws IOException {
        assertThat(rendered).allSatisfy((region, objects) -> assertThat(objects.stream().anyMatch(this::isDataflowServer))
                .as("the SCDF server is in %s", region).isEqualTo(region.equals(HOME_REGION)));
        List<HasMetadata> home = rendered.get(HOME_REGION);
        Deployment server = typed(home, Deployment.class).stream().filter(this::isDataflowServer).findFirst().orElseThrow();
        String configName = server.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getConfigMap() != null)
                .findFirst().orElseThrow().getConfigMap().getName();
        Map<String, Object> config = kustomize.readMap(configMap(home, configName).getData().get("application.yaml"));

        assertThat((String) field(config, "spring.datasource.url")).startsWith("jdbc:postgresql://offstream-postgres." + namespaceOf(HOME_REGION) + ".svc");
        assertThat(typed(home, StatefulSet.class)).extracting(s -> s.getMetadata().getName()).contains("offstream-postgres");
        assertThat(field(config, "spring.cloud.dataflow.task.use-kubernetes-secrets-for-db-credentials")).isEqualTo(true);
        String runner = (String) field(config, "spring.cloud.dataflow.task.composedtaskrunner.uri");
        assertThat(runner).isEqualTo("docker:" + RepositoryModules.imageOf(repository.artifactId("tasks/composed-task-runner")) + ":" + version);

        @SuppressWarnings("unchecked")
        Map<String, Object> accounts = (Map<String, Object>) field(config, "spring.cloud.dataflow.task.platform.kubernetes.accounts");
        List<String> expected = new ArrayList<>(regions());
        expected.add("default");
        assertThat(accounts).containsOnlyKeys(expected);
        accounts.forEach((name, account) -> {
            String region = name.equals("default") ? HOME_REGION : name;
            assertThat(field(account, "namespace")).isEqualTo(namespaceOf(region));
            assertThat((Integer) field(account, "maximum-concurrent-tasks")).isPositive();
            assertThat(field(account, "entry-point-style")).as("properties in the environment, not on a command line").isEqualTo("boot");
            assertThat((List<Object>) field(account, "config-map-refs")).containsExactly("offstream-region");
            assertThat(typed(rendered.get(region), ServiceAccount.class)).extracting(a -> a.getMetadata().getName())
                    .contains((String) field(account, "task-service-account-name"));
            assertThat((List<?>) field(account, "secret-key-refs")).anySatisfy(ref -> assertThat(List.of(field(ref, "env-var-name"),
                    field(ref, "secret-name"), field(ref, "data-key"))).containsExactly("SPRING_DATASOURCE_PASSWORD", "offstream-db", "password"));
        });
    }

    @Test
    void everyTaskAppOfTheDefinitionsIsRegisteredAsItsImage() {
        Properties local = repository.properties("composed-definitions/apps.properties");
        Properties images = repository.properties("scdf-deploy/k8s/task-apps.properties");
        assertThat(images.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(
                local.stringPropertyNames().stream().map(app -> "task." + app).toList());
        local.stringPropertyNames().forEach(app -> assertThat(images.getProperty("task." + app)).as(app)
                .isEqualTo("docker:" + RepositoryModules.imageOf(repository.artifactId(local.getProperty(app))) + ":" + version));
        assertThat(repository.deployableImages()).containsAll(images.stringPropertyNames().stream().map(images::getProperty)
                .map(uri -> uri.substring("docker:".length(), uri.lastIndexOf(':'))).toList());
    }

    /** The files of a catalogue entry, relative to its folder. */
    private static List<String> entryFiles(String service) throws IOException {
        Path entry = repository.root().resolve("schemas/services").resolve(service);
        try (Stream<Path> files = Files.walk(entry)) {
            return files.filter(Files::isRegularFile).map(file -> entry.relativize(file).toString()).toList();
        }
    }

    private boolean isDataflowServer(HasMetadata object) {
        return object instanceof Deployment d && d.getSpec().getTemplate().getSpec().getContainers().stream()
                .anyMatch(c -> c.getImage().startsWith("offstream/dataflow-server:"));
    }

    private static String namespaceOf(String region) {
        return "offstream-" + region;
    }

    private static <T> List<T> typed(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<GenericKubernetesResource> custom(List<HasMetadata> objects, String kind) {
        return typed(objects, GenericKubernetesResource.class).stream().filter(o -> o.getKind().equals(kind)).toList();
    }

    private static ConfigMap configMap(List<HasMetadata> objects, String name) {
        return typed(objects, ConfigMap.class).stream().filter(m -> m.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
    }

    private static List<PodTemplateSpec> podTemplates(List<HasMetadata> objects) {
        List<PodTemplateSpec> templates = new ArrayList<>();
        typed(objects, Deployment.class).forEach(d -> templates.add(d.getSpec().getTemplate()));
        typed(objects, StatefulSet.class).forEach(s -> templates.add(s.getSpec().getTemplate()));
        return templates;
    }

    private static List<Container> containers(List<HasMetadata> objects) {
        return podTemplates(objects).stream().flatMap(t -> t.getSpec().getContainers().stream()).toList();
    }

    private static Optional<String> env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).filter(Objects::nonNull).findFirst();
    }

    private static <T> T single(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
