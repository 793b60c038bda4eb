package com.companion.deploy.verify;

import static com.companion.deploy.verify.Manifests.containers;
import static com.companion.deploy.verify.Manifests.list;
import static com.companion.deploy.verify.Manifests.map;
import static com.companion.deploy.verify.Manifests.name;
import static com.companion.deploy.verify.Manifests.podLabels;
import static com.companion.deploy.verify.Manifests.podSpec;
import static com.companion.deploy.verify.Manifests.quantity;
import static com.companion.deploy.verify.Manifests.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every overlay under deploy/k8s/overlays with {@code kubectl kustomize} and checks what
 * a cluster would otherwise only tell at run time: that each service gets every setting its
 * configuration reads, that probes hit real actuator paths on the port the service listens on, that
 * Secrets are referenced (never inlined) by name and key, and that the scaling, disruption and
 * shutdown settings fit together.
 */
class OverlaysTest {

    /**
     * Variables a service reads that the manifests may leave to the service's default, with why.
     * Everything else a placeholder reads must be set explicitly, so that an overlay says what it
     * runs with.
     */
    static final Map<String, String> MAY_USE_DEFAULT = Map.of(
            "PORT",
            "server.port's default is the port the manifests are built around; containerPort, probes and"
                    + " the Service are checked against it, so setting PORT as well would only repeat it");

    /**
     * Read by a library rather than through a Spring placeholder, and needed all the same: the AWS SDK's
     * credentials, in media-service and in every service that writes a part of a data export (export kit).
     */
    static final Map<String, List<String>> READ_DIRECTLY = Map.of(
            "media-service", List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
            "auth-service", List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
            "character-service", List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
            "chat-service", List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
            "ad-service", List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"));

    /** Read by the JVM or the java launcher. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    /** Spring Boot binds these to properties by relaxed binding (e.g. SPRING_KAFKA_SECURITY_PROTOCOL). */
    static final List<String> RELAXED_BINDING_PREFIXES =
            List.of("SPRING_", "MANAGEMENT_", "SERVER_", "LOGGING_", "PLATFORM_");

    /** A password written into a value rather than referenced ({@code password="..."} without {@code $(}). */
    static final Pattern LITERAL_PASSWORD = Pattern.compile("password=\"(?!\\$\\()");

    static final String READINESS = "/actuator/health/readiness";
    static final String LIVENESS = "/actuator/health/liveness";

    static List<String> overlays() {
        List<String> overlays = Manifests.overlays();
        assertThat(overlays).as("overlays under deploy/k8s/overlays").contains("local", "production");
        return overlays;
    }

    // ------------------------------------------------------------------------------------------ shape

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void rendersValidYamlWithOneDeploymentPerService(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> problems = new ArrayList<>();
        Set<String> identities = new LinkedHashSet<>();
        for (Map<String, Object> document : m.documents) {
            if (str(document, "apiVersion") == null || str(document, "kind") == null || name(document) == null) {
                problems.add("a document without apiVersion, kind or metadata.name: " + document);
                continue;
            }
            String identity =
                    document.get("kind") + "/" + str(map(document, "metadata"), "namespace") + "/" + name(document);
            if (!identities.add(identity)) {
                problems.add("defined twice: " + identity);
            }
        }
        for (String service : Repo.SERVICES) {
            if (m.find("Deployment", service).isEmpty()) {
                problems.add("no Deployment " + service);
            }
        }
        for (Map<String, Object> deployment : m.ofKind("Deployment")) {
            if (!Repo.SERVICES.contains(name(deployment))) {
                problems.add("Deployment " + name(deployment) + " is not one of the services " + Repo.SERVICES);
            } else if (containers(deployment).stream()
                    .noneMatch(c -> name(deployment).equals(str(c, "name")))) {
                problems.add("Deployment " + name(deployment) + " has no container named after its service");
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyImageIsTheServicesImageWithATag(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : Manifests.of(overlay).ofKind("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                String image = str(container, "image");
                String where = name(deployment) + "/" + str(container, "name");
                if (image == null) {
                    problems.add(where + ": no image");
                    continue;
                }
                String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
                int colon = repository.lastIndexOf(':');
                boolean tagged = colon > repository.lastIndexOf('/');
                String tag = tagged ? repository.substring(colon + 1) : null;
                if (tagged) {
                    repository = repository.substring(0, colon);
                }
                if (!tagged && !image.contains("@sha256:")) {
                    problems.add(where + ": image " + image + " has neither a tag nor a digest");
                }
                if ("latest".equals(tag)) {
                    problems.add(where + ": image " + image + " uses the moving tag latest");
                }
                if (!repository.endsWith("/" + name(deployment))) {
                    problems.add(where + ": image " + image + " is not the " + name(deployment) + " image");
                }
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    // ------------------------------------------------------------------------------- configuration

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceGetsEveryVariableItsConfigurationReads(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> problems = new ArrayList<>();
        StringBuilder report = new StringBuilder("env coverage, overlay " + overlay + ":\n");
        for (String service : Repo.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            ContainerEnv env = new ContainerEnv(m, mainContainer(m, service));
            problems.addAll(env.problems);

            Map<String, Set<String>> read = config.environmentVariables();
            Set<String> required = new TreeSet<>(read.keySet());
            required.removeAll(MAY_USE_DEFAULT.keySet());
            required.addAll(READ_DIRECTLY.getOrDefault(service, List.of()));
            Set<String> missing = new TreeSet<>(required);
            missing.removeAll(env.variables.keySet());
            for (String variable : missing) {
                problems.add(service + " reads " + variable + " ("
                        + String.join(", ", read.getOrDefault(variable, Set.of("library")))
                        + ") but its container does not set it");
            }

            Set<String> unknown = new TreeSet<>(env.variables.keySet());
            unknown.removeAll(read.keySet());
            unknown.removeAll(READ_DIRECTLY.getOrDefault(service, List.of()));
            unknown.removeAll(JVM_VARIABLES);
            unknown.removeAll(env.helperVariables());
            unknown.removeIf(v -> RELAXED_BINDING_PREFIXES.stream().anyMatch(v::startsWith));
            for (String variable : unknown) {
                problems.add(
                        service + " is given " + variable + ", which nothing in its configuration reads (a typo?)");
            }

            Set<String> defaulted = new TreeSet<>(read.keySet());
            defaulted.removeAll(env.variables.keySet());
            report.append(String.format(
                    "  %-18s reads %2d, sets %2d, missing %d, left to defaults %s  (%s)%n",
                    service,
                    read.size(),
                    env.variables.size(),
                    missing.size(),
                    defaulted,
                    String.join(" + ", config.sources)));
        }
        System.out.print(report);
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void secretsAreReferencedByNameAndKeyAndNeverInlined(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> problems = new ArrayList<>();
        if (!m.ofKind("Secret").isEmpty()) {
            problems.add("the overlay defines Secrets ("
                    + m.ofKind("Secret").stream().map(Manifests::name).toList()
                    + "): secret values do not belong in the repository; create them in the cluster");
        }
        for (Map<String, Object> configMap : m.ofKind("ConfigMap")) {
            map(configMap, "data").forEach((key, value) -> {
                if (secretLike(key) && value != null && !String.valueOf(value).isEmpty()) {
                    problems.add("ConfigMap " + name(configMap) + " holds a secret: " + key);
                }
            });
        }
        for (Map<String, Object> deployment : m.ofKind("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                ContainerEnv env = new ContainerEnv(m, container);
                problems.addAll(env.problems);
                for (ContainerEnv.Source source : env.variables.values()) {
                    if (!secretLike(source.variable()) || source.kind() == ContainerEnv.Kind.SECRET) {
                        continue;
                    }
                    String value = source.value() == null ? "" : source.value();
                    // Assembled from other variables (a JAAS line from a username and a password): fine when
                    // every secret part comes from a Secret and no secret is written out in between.
                    Set<String> parts = env.dependentReferences.getOrDefault(source.variable(), Set.of());
                    boolean onlyReferences = value.contains("$(")
                            && parts.stream()
                                    .anyMatch(ref -> Optional.ofNullable(env.variables.get(ref))
                                            .map(s -> s.kind() == ContainerEnv.Kind.SECRET)
                                            .orElse(false))
                            && parts.stream()
                                    .filter(OverlaysTest::secretLike)
                                    .allMatch(ref -> Optional.ofNullable(env.variables.get(ref))
                                            .map(s -> s.kind() == ContainerEnv.Kind.SECRET)
                                            .orElse(false))
                            && !LITERAL_PASSWORD.matcher(value).find();
                    if (!value.isEmpty() && !onlyReferences) {
                        problems.add(name(deployment) + ": " + source.variable() + " holds a secret but comes from "
                                + source.kind() + (source.refName() == null ? "" : " " + source.refName())
                                + ", not from a Secret");
                    }
                }
            }
        }
        for (Map<String, Object> auth : m.ofKind("TriggerAuthentication")) {
            for (Map<String, Object> ref : list(map(auth, "spec"), "secretTargetRef")) {
                if (str(ref, "name") == null || str(ref, "key") == null || str(ref, "parameter") == null) {
                    problems.add("TriggerAuthentication " + name(auth)
                            + ": a secretTargetRef without name, key and parameter: " + ref);
                }
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everySecretReferenceIsDocumentedInOperations(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> rows = Repo.read(Repo.path("docs", "OPERATIONS.md"))
                .lines()
                .filter(line -> line.startsWith("|"))
                .toList();
        Set<String> references = new TreeSet<>();
        for (Map<String, Object> deployment : m.ofKind("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                new ContainerEnv(m, container)
                        .variables.values().stream()
                                .filter(s -> s.kind() == ContainerEnv.Kind.SECRET)
                                .forEach(s -> references.add(s.refName() + " " + s.refKey()));
            }
        }
        for (Map<String, Object> auth : m.ofKind("TriggerAuthentication")) {
            list(map(auth, "spec"), "secretTargetRef")
                    .forEach(r -> references.add(str(r, "name") + " " + str(r, "key")));
        }
        List<String> undocumented = references.stream()
                .filter(ref -> {
                    String[] parts = ref.split(" ");
                    return rows.stream()
                            .noneMatch(row -> row.contains("`" + parts[0] + "`") && row.contains("`" + parts[1] + "`"));
                })
                .toList();
        assertThat(undocumented)
                .as(overlay + ": Secrets (name key) without a row naming both in docs/OPERATIONS.md")
                .isEmpty();
    }

    // ------------------------------------------------------------------------------ health and pods

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void probesHitTheActuatorOnThePortTheServiceListensOn(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            Map<String, Object> container = mainContainer(m, service);
            Map<String, String> env = new ContainerEnv(m, container).knownValues();
            if (!"true".equals(config.resolve("management.endpoint.health.probes.enabled", env))) {
                problems.add(service + ": management.endpoint.health.probes.enabled is not true in " + config.sources
                        + ", so " + LIVENESS + " and " + READINESS + " may not exist");
            }
            String exposure = config.resolve("management.endpoints.web.exposure.include", env);
            if (exposure != null && !exposure.contains("health") && !exposure.contains("*")) {
                problems.add(service + ": the health endpoint is not exposed over HTTP (" + exposure + ")");
            }
            String basePath = config.resolve("management.endpoints.web.base-path", env);
            if (basePath != null && !basePath.equals("/actuator")) {
                problems.add(service + ": actuator is at " + basePath + ", the probes expect /actuator");
            }
            int port = config.serverPort(env);
            String managementPort = config.resolve("management.server.port", env);
            int probePort =
                    managementPort == null || managementPort.isBlank() ? port : Integer.parseInt(managementPort);

            Map<String, Integer> ports = containerPorts(container);
            if (!ports.containsValue(port)) {
                problems.add(service + ": listens on " + port + " but the container declares " + ports);
            }
            checkProbe(problems, service, container, "readinessProbe", Set.of(READINESS), probePort, ports);
            checkProbe(problems, service, container, "livenessProbe", Set.of(LIVENESS), probePort, ports);
            checkProbe(problems, service, container, "startupProbe", Set.of(LIVENESS, READINESS), probePort, ports);
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void resourceRequestsFitWithinLimits(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : Manifests.of(overlay).ofKind("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                Map<String, Object> requests = map(map(container, "resources"), "requests");
                Map<String, Object> limits = map(map(container, "resources"), "limits");
                for (String resource : List.of("cpu", "memory")) {
                    Object request = requests.get(resource);
                    Object limit = limits.get(resource);
                    if (request == null || limit == null) {
                        problems.add(name(deployment) + ": no " + resource + " request and limit (" + requests + " / "
                                + limits + ")");
                    } else if (quantity(request).compareTo(quantity(limit)) > 0) {
                        problems.add(name(deployment) + ": " + resource + " request " + request + " exceeds its limit "
                                + limit);
                    }
                }
                Object memory = limits.get("memory");
                if (memory != null && quantity(memory).compareTo(BigDecimal.valueOf(384L << 20)) < 0) {
                    problems.add(name(deployment) + ": a memory limit of " + memory
                            + " leaves a JVM too little besides its heap (75% of the limit by default)");
                }
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void podsShutDownGracefully(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            Map<String, Object> deployment = m.deployment(service);
            Map<String, Object> container = mainContainer(m, service);
            Map<String, String> env = new ContainerEnv(m, container).knownValues();
            if (!"graceful".equals(config.resolve("server.shutdown", env))) {
                problems.add(service + ": server.shutdown is not graceful in " + config.sources);
            }
            Duration phase = config.shutdownPhase(env);
            long preStop = preStopSeconds(container);
            if (preStop <= 0) {
                problems.add(service
                        + ": no preStop sleep (endpoints must be removed before the process stops taking requests)");
            }
            Object grace = podSpec(deployment).get("terminationGracePeriodSeconds");
            long graceSeconds = grace == null ? 30 : Long.parseLong(String.valueOf(grace));
            if (graceSeconds <= preStop + phase.toSeconds()) {
                problems.add(service + ": terminationGracePeriodSeconds " + graceSeconds
                        + " is not more than the preStop sleep (" + preStop + " s) plus Spring's shutdown phase ("
                        + phase.toSeconds() + " s)");
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    /**
     * The timeouts of one chat request fit inside each other: the worker gives up on a request
     * ({@code worker.reply.max-age}, from the user's send) well before chat-service declares it failed
     * ({@code chat.request-timeout}), or a reply made in between would be counted by ad-service but never
     * stored; and the gateway waits for {@code POST /chat/send} longer than chat-service does.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void aChatRequestsTimeoutsNest(String overlay) {
        Manifests m = Manifests.of(overlay);
        Duration maxAge = setting(m, "inference-worker", "worker.reply.max-age");
        Duration requestTimeout = setting(m, "chat-service", "chat.request-timeout");
        Duration sendWait = setting(m, "chat-service", "chat.send-wait");
        Duration gatewayWait = setting(m, "gateway-service", "gateway.routes.chat-send-timeout");

        assertThat(maxAge.plusSeconds(20))
                .as("%s: worker max age + 20 s for the reply's delivery <= chat request timeout", overlay)
                .isLessThanOrEqualTo(requestTimeout);
        assertThat(sendWait)
                .as("%s: chat-service answers 202 before the gateway gives up", overlay)
                .isLessThan(gatewayWait);
    }

    private static Duration setting(Manifests m, String service, String property) {
        Map<String, String> env = new ContainerEnv(m, mainContainer(m, service)).knownValues();
        String value = ServiceConfig.of(service).resolve(property, env);
        assertThat(value).as("%s %s", service, property).isNotNull();
        return ServiceConfig.duration(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void podsRunAsNonRootOnAReadOnlyRootFilesystem(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : Manifests.of(overlay).ofKind("Deployment")) {
            Map<String, Object> pod = podSpec(deployment);
            Map<String, Object> podSecurity = map(pod, "securityContext");
            for (Map<String, Object> container : containers(deployment)) {
                String where = name(deployment) + "/" + str(container, "name");
                Map<String, Object> security = new LinkedHashMap<>(podSecurity);
                security.putAll(map(container, "securityContext"));
                if (!Boolean.TRUE.equals(security.get("runAsNonRoot"))) {
                    problems.add(where + ": runAsNonRoot is not true");
                }
                if (security.get("runAsUser") == null || "0".equals(String.valueOf(security.get("runAsUser")))) {
                    problems.add(where
                            + ": no numeric non-root runAsUser (the image's USER is a name the kubelet cannot verify)");
                }
                if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                    problems.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
                    problems.add(where + ": readOnlyRootFilesystem is not true");
                }
                Object drop = map(security, "capabilities").get("drop");
                if (!(drop instanceof List<?> dropped) || !dropped.contains("ALL")) {
                    problems.add(where + ": capabilities are not all dropped");
                }
                boolean tmpFromEmptyDir = list(container, "volumeMounts").stream()
                        .filter(mount -> "/tmp".equals(str(mount, "mountPath")))
                        .anyMatch(mount -> list(pod, "volumes").stream()
                                .anyMatch(v -> Objects.equals(str(v, "name"), str(mount, "name"))
                                        && v.containsKey("emptyDir")));
                if (!tmpFromEmptyDir) {
                    problems.add(
                            where + ": /tmp is not an emptyDir (the JVM, Tomcat and multipart uploads write there)");
                }
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    // ------------------------------------------------------------------- services, disruption, URLs

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDeploymentHasAServiceAndADisruptionBudget(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : m.ofKind("Deployment")) {
            String name = name(deployment);
            Map<String, Object> labels = podLabels(deployment);
            Map<String, Integer> ports = containerPorts(containers(deployment).getFirst());

            List<Map<String, Object>> services = m.ofKind("Service").stream()
                    .filter(s -> selects(map(map(s, "spec"), "selector"), labels))
                    .toList();
            if (services.isEmpty()) {
                problems.add(name + ": no Service selects its pods");
            }
            for (Map<String, Object> service : services) {
                for (Map<String, Object> port : list(map(service, "spec"), "ports")) {
                    Object target = port.getOrDefault("targetPort", port.get("port"));
                    Integer resolved = target instanceof Integer i ? i : ports.get(String.valueOf(target));
                    if (resolved == null || !ports.containsValue(resolved)) {
                        problems.add("Service " + name(service) + " port " + port
                                + " does not reach a container port of " + name + " " + ports);
                    }
                }
            }
            List<Map<String, Object>> budgets = m.ofKind("PodDisruptionBudget").stream()
                    .filter(p -> selects(map(map(map(p, "spec"), "selector"), "matchLabels"), labels))
                    .toList();
            if (budgets.isEmpty()) {
                problems.add(name + ": no PodDisruptionBudget selects its pods");
            }
            for (Map<String, Object> budget : budgets) {
                Map<String, Object> spec = map(budget, "spec");
                if (spec.get("minAvailable") instanceof Integer min && min >= minimumReplicas(m, deployment)) {
                    problems.add("PodDisruptionBudget " + name(budget) + " keeps " + min + " of at least "
                            + minimumReplicas(m, deployment) + " pods available: no node could ever be drained");
                }
                if (spec.get("maxUnavailable") instanceof Integer max && max < 1) {
                    problems.add("PodDisruptionBudget " + name(budget) + " allows no disruption at all");
                }
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void serviceUrlsPointAtTheInClusterServices(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> problems = new ArrayList<>();
        Pattern serviceUrl = Pattern.compile("([A-Z]+)_SERVICE_URL");
        for (String service : Repo.SERVICES) {
            Map<String, String> env = new ContainerEnv(m, mainContainer(m, service)).knownValues();
            env.forEach((variable, value) -> {
                Matcher matcher = serviceUrl.matcher(variable);
                String expected = matcher.matches()
                        ? matcher.group(1).toLowerCase() + "-service"
                        : variable.equals("AUTH_JWKS_URI") ? "auth-service" : null;
                if (expected == null) {
                    return;
                }
                URI uri = URI.create(value);
                String host = uri.getHost() == null ? "" : uri.getHost();
                String serviceName = host.split("\\.")[0];
                Optional<Map<String, Object>> target = m.find("Service", serviceName);
                if (!serviceName.equals(expected) || target.isEmpty()) {
                    problems.add(service + ": " + variable + "=" + value + " does not name the Service " + expected);
                } else if (list(map(target.get(), "spec"), "ports").stream()
                        .noneMatch(p -> Objects.equals(p.get("port"), uri.getPort()))) {
                    problems.add(service + ": " + variable + "=" + value + " uses a port the Service " + expected
                            + " does not have");
                }
            });
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theGatewayIngressKeepsStreamsOpen(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<Map<String, Object>> ingresses = m.ofKind("Ingress").stream()
                .filter(i -> list(map(i, "spec"), "rules").stream()
                        .flatMap(r -> list(map(r, "http"), "paths").stream())
                        .anyMatch(p -> "gateway-service".equals(str(map(map(p, "backend"), "service"), "name"))))
                .toList();
        assertThat(ingresses).as(overlay + ": an Ingress to gateway-service").hasSize(1);
        Map<String, Object> annotations = map(map(ingresses.getFirst(), "metadata"), "annotations");
        List<String> problems = new ArrayList<>();
        for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
            Object value = annotations.get("nginx.ingress.kubernetes.io/" + timeout);
            if (value == null || Long.parseLong(String.valueOf(value)) < 3600) {
                problems.add(timeout + " is " + value + ", less than an hour for WebSocket and SSE streams");
            }
        }
        if (!"off".equals(annotations.get("nginx.ingress.kubernetes.io/proxy-buffering"))) {
            problems.add("proxy-buffering is not off: SSE tokens would be held back");
        }
        Object bodySize = annotations.get("nginx.ingress.kubernetes.io/proxy-body-size");
        String upload = new ContainerEnv(m, mainContainer(m, "gateway-service"))
                .knownValues()
                .get("GATEWAY_MAX_UPLOAD");
        if (bodySize != null && upload != null && bytes(String.valueOf(bodySize)) < bytes(upload)) {
            problems.add("proxy-body-size " + bodySize + " is below the gateway's upload limit " + upload);
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    // ------------------------------------------------------------------------------------ scaling

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theWorkersScaleOnConsumerLag(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<Map<String, Object>> scaled = m.ofKind("ScaledObject").stream()
                .filter(s -> "inference-worker".equals(str(map(map(s, "spec"), "scaleTargetRef"), "name")))
                .toList();
        assertThat(scaled)
                .as(overlay + ": a KEDA ScaledObject for inference-worker")
                .hasSize(1);
        Map<String, Object> spec = map(scaled.getFirst(), "spec");
        List<String> problems = new ArrayList<>();
        int min = ((Number) spec.getOrDefault("minReplicaCount", 0)).intValue();
        int max = ((Number) spec.getOrDefault("maxReplicaCount", 100)).intValue();
        if (min < 1 || min > max) {
            problems.add("minReplicaCount " + min + " / maxReplicaCount " + max + " (want 1 <= min <= max)");
        }

        ServiceConfig worker = ServiceConfig.of("inference-worker");
        ContainerEnv env = new ContainerEnv(m, mainContainer(m, "inference-worker"));
        Map<String, String> values = env.knownValues();
        List<Map<String, Object>> kafka = list(spec, "triggers").stream()
                .filter(t -> "kafka".equals(str(t, "type")))
                .toList();
        if (kafka.size() != 1) {
            problems.add("want exactly one kafka trigger, found " + list(spec, "triggers"));
        } else {
            Map<String, Object> metadata = map(kafka.getFirst(), "metadata");
            String group = metadata.containsKey("consumerGroupFromEnv")
                    ? values.get(str(metadata, "consumerGroupFromEnv"))
                    : str(metadata, "consumerGroup");
            String workerGroup = worker.resolve("worker.intake.group-id", values);
            if (!"inference-worker".equals(group) || !group.equals(workerGroup)) {
                problems.add("trigger group " + group + ", the worker's group " + workerGroup
                        + " (both must be inference-worker)");
            }
            String topic = str(metadata, "topic");
            String workerTopic = worker.resolve("worker.intake.topic", values);
            if (!"chat.message-requested.v1".equals(topic) || !topic.equals(workerTopic)) {
                problems.add("trigger topic " + topic + ", the worker's topic " + workerTopic);
            }
            String lag = str(metadata, "lagThreshold");
            if (lag == null || Long.parseLong(lag) <= 0) {
                problems.add("no positive lagThreshold: " + lag);
            } else {
                String concurrency = worker.resolve("worker.intake.max-concurrency", values);
                if (concurrency != null && Long.parseLong(lag) > Long.parseLong(concurrency)) {
                    problems.add("lagThreshold " + lag + " is more than one worker runs at once (" + concurrency + ")");
                }
            }
            String fromEnv = str(metadata, "bootstrapServersFromEnv");
            if (fromEnv != null && !values.containsKey(fromEnv)) {
                problems.add("bootstrapServersFromEnv names " + fromEnv
                        + ", which the worker container does not get from a ConfigMap");
            }
            if (fromEnv == null && str(metadata, "bootstrapServers") == null) {
                problems.add("the trigger names no brokers");
            }
            int partitions = topicPartitions(m, topic, values);
            if (max > partitions) {
                problems.add("maxReplicaCount " + max + " is more than the topic's " + partitions
                        + " partitions: consumers past that sit idle (KEDA caps there)");
            }
            Object auth = map(kafka.getFirst(), "authenticationRef").get("name");
            if (auth != null
                    && m.find("TriggerAuthentication", String.valueOf(auth)).isEmpty()) {
                problems.add("the trigger's authenticationRef " + auth + " is not defined");
            }
        }
        if (m.ofKind("HorizontalPodAutoscaler").stream().anyMatch(h -> targets(h, "inference-worker"))) {
            problems.add("an HPA targets inference-worker too (KEDA owns its HPA)");
        }
        if (map(m.deployment("inference-worker"), "spec").containsKey("replicas")) {
            problems.add("the inference-worker Deployment sets replicas, which KEDA owns (every apply would reset it)");
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theGatewayAndChatScaleOnCpu(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : List.of("gateway-service", "chat-service")) {
            List<Map<String, Object>> hpas = m.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> targets(h, service))
                    .toList();
            if (hpas.size() != 1) {
                problems.add(service + ": want one HorizontalPodAutoscaler, found " + hpas.size());
                continue;
            }
            Map<String, Object> hpa = hpas.getFirst();
            Map<String, Object> spec = map(hpa, "spec");
            if (!"autoscaling/v2".equals(str(hpa, "apiVersion"))) {
                problems.add(service + ": HPA is " + str(hpa, "apiVersion") + ", not autoscaling/v2");
            }
            boolean cpu = list(spec, "metrics").stream()
                    .anyMatch(metric -> "Resource".equals(str(metric, "type"))
                            && "cpu".equals(str(map(metric, "resource"), "name")));
            if (!cpu) {
                problems.add(service + ": HPA does not scale on CPU");
            }
            int min = ((Number) spec.getOrDefault("minReplicas", 1)).intValue();
            int max = ((Number) spec.get("maxReplicas")).intValue();
            if (min < 1 || min > max) {
                problems.add(service + ": minReplicas " + min + " / maxReplicas " + max);
            }
            if (map(m.deployment(service), "spec").containsKey("replicas")) {
                problems.add(
                        service + ": the Deployment sets replicas, which its HPA owns (every apply would reset it)");
            }
            Object request =
                    map(map(mainContainer(m, service), "resources"), "requests").get("cpu");
            if (request == null) {
                problems.add(service + ": no CPU request, so CPU utilisation is undefined for the HPA");
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    // -------------------------------------------------------------------------------------- helpers

    static Map<String, Object> mainContainer(Manifests m, String service) {
        return containers(m.deployment(service)).stream()
                .filter(c -> service.equals(str(c, "name")))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError(m.overlay + ": Deployment " + service + " has no container " + service));
    }

    static boolean secretLike(String variable) {
        return variable.endsWith("PASSWORD")
                || variable.endsWith("API_KEY")
                || variable.endsWith("SECRET_ACCESS_KEY")
                || variable.equals("AWS_ACCESS_KEY_ID")
                || variable.equals("AUTH_KEY_ENCRYPTION_KEY")
                || variable.equals("REDIS_URL")
                || variable.endsWith("JAAS_CONFIG")
                || variable.endsWith("ACCESS_TOKEN")
                || variable.endsWith("AUTH_TOKEN");
    }

    private static void checkProbe(
            List<String> problems,
            String service,
            Map<String, Object> container,
            String probe,
            Set<String> paths,
            int port,
            Map<String, Integer> ports) {
        Map<String, Object> httpGet = map(map(container, probe), "httpGet");
        if (httpGet.isEmpty()) {
            problems.add(service + ": no HTTP " + probe);
            return;
        }
        String path = str(httpGet, "path");
        if (!paths.contains(path)) {
            problems.add(service + ": " + probe + " calls " + path + ", want one of " + paths);
        }
        Object target = httpGet.get("port");
        Integer resolved = target instanceof Integer i ? i : ports.get(String.valueOf(target));
        if (resolved == null || resolved != port) {
            problems.add(service + ": " + probe + " calls port " + target + " (" + resolved
                    + "), the actuator listens on " + port);
        }
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Map<String, Object> port : list(container, "ports")) {
            Object number = port.get("containerPort");
            if (number instanceof Integer value) {
                ports.put(str(port, "name") == null ? String.valueOf(value) : str(port, "name"), value);
            }
        }
        return ports;
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty()
                && selector.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }

    private static boolean targets(Map<String, Object> hpa, String deployment) {
        Map<String, Object> ref = map(map(hpa, "spec"), "scaleTargetRef");
        return "Deployment".equals(str(ref, "kind")) && deployment.equals(str(ref, "name"));
    }

    private static int minimumReplicas(Manifests m, Map<String, Object> deployment) {
        String name = name(deployment);
        for (Map<String, Object> hpa : m.ofKind("HorizontalPodAutoscaler")) {
            if (targets(hpa, name)) {
                return ((Number) map(hpa, "spec").getOrDefault("minReplicas", 1)).intValue();
            }
        }
        for (Map<String, Object> scaled : m.ofKind("ScaledObject")) {
            if (name.equals(str(map(map(scaled, "spec"), "scaleTargetRef"), "name"))) {
                return ((Number) map(scaled, "spec").getOrDefault("minReplicaCount", 0)).intValue();
            }
        }
        return ((Number) map(deployment, "spec").getOrDefault("replicas", 1)).intValue();
    }

    private static long preStopSeconds(Map<String, Object> container) {
        Map<String, Object> preStop = map(map(container, "lifecycle"), "preStop");
        if (preStop.containsKey("sleep")) {
            return Long.parseLong(String.valueOf(map(preStop, "sleep").get("seconds")));
        }
        Object command = map(preStop, "exec").get("command");
        if (command instanceof List<?> parts) {
            for (int i = 0; i < parts.size() - 1; i++) {
                if (String.valueOf(parts.get(i)).endsWith("sleep")) {
                    return Long.parseLong(String.valueOf(parts.get(i + 1)));
                }
            }
        }
        return 0;
    }

    /**
     * The topic's partitions: those of its KafkaTopic where the overlay declares the topics, else what the
     * platform creates topics with (PLATFORM_KAFKA_TOPICS_PARTITIONS, else the kit's default).
     */
    private static int topicPartitions(Manifests m, String topic, Map<String, String> env) {
        Optional<Integer> declared = KafkaTopics.of(m).partitions(topic);
        if (declared.isPresent()) {
            return declared.get();
        }
        String configured = env.get("PLATFORM_KAFKA_TOPICS_PARTITIONS");
        if (configured != null) {
            return Integer.parseInt(configured.strip());
        }
        String source = Repo.read(Repo.path(
                "platform",
                "messaging",
                "src",
                "main",
                "java",
                "com",
                "companion",
                "platform",
                "messaging",
                "kafka",
                "TopicProperties.java"));
        Matcher matcher = Pattern.compile("partitions == null \\? (\\d+)").matcher(source);
        if (!matcher.find()) {
            throw new AssertionError("cannot find the default partition count in TopicProperties.java;"
                    + " set PLATFORM_KAFKA_TOPICS_PARTITIONS in the overlay");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Sizes as Spring (12MB, 1KB) or nginx (16m, 512k) write them, in bytes. */
    static long bytes(String size) {
        Matcher matcher = Pattern.compile("(\\d+)\\s*([kKmMgG])?[bB]?").matcher(size.strip());
        if (!matcher.matches()) {
            throw new AssertionError("not a size: " + size);
        }
        long number = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase();
        return switch (unit) {
            case "k" -> number << 10;
            case "m" -> number << 20;
            case "g" -> number << 30;
            default -> number;
        };
    }
}
