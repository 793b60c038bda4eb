package com.companion.deploy.verify;

import static com.companion.deploy.verify.Manifests.list;
import static com.companion.deploy.verify.Manifests.map;
import static com.companion.deploy.verify.Manifests.name;
import static com.companion.deploy.verify.Manifests.str;
import static com.companion.deploy.verify.OverlaysTest.mainContainer;
import static org.assertj.core.api.Assertions.assertThat;

import com.companion.contracts.Topics;
import com.companion.deploy.verify.ContainerEnv.Kind;
import com.companion.deploy.verify.ContainerEnv.Source;
import com.companion.deploy.verify.KafkaUse.Acl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kafka access per service. Where an overlay authenticates to Kafka, every service that talks to Kafka
 * logs in as a principal of its own, and that principal's ACLs (Strimzi {@code KafkaUser}) are exactly
 * what the service's code publishes and consumes ({@link KafkaUse} reads it), on topics the overlay
 * declares as the services would have created them. Where it does not (the local overlay), no service
 * carries credentials.
 */
class KafkaAclsTest {

    static final String USERNAME = "KAFKA_USERNAME";
    static final String PASSWORD = "KAFKA_PASSWORD";
    static final String JAAS = "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG";
    static final String PROTOCOL = "SPRING_KAFKA_SECURITY_PROTOCOL";
    static final String MECHANISM = "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM";

    /** Overlays whose Kafka clients authenticate (a SASL security protocol); production must be one. */
    static List<String> authenticatedOverlays() {
        List<String> authenticated = Manifests.overlays().stream()
                .filter(overlay -> kafkaClients().stream().anyMatch(service -> {
                    String protocol =
                            env(Manifests.of(overlay), service).knownValues().get(PROTOCOL);
                    return protocol != null && protocol.startsWith("SASL");
                }))
                .toList();
        assertThat(authenticated)
                .as("overlays whose Kafka clients authenticate")
                .contains("production");
        return authenticated;
    }

    /** The services whose configuration connects to Kafka. */
    static List<String> kafkaClients() {
        return Repo.SERVICES.stream()
                .filter(service -> ServiceConfig.of(service).properties.containsKey("spring.kafka.bootstrap-servers"))
                .toList();
    }

    @Test
    void theLocalOverlayTalksToKafkaWithoutCredentials() {
        Manifests m = Manifests.of("local");
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            ContainerEnv env = env(m, service);
            for (String variable : List.of(USERNAME, PASSWORD, JAAS, PROTOCOL, MECHANISM)) {
                if (env.variables.containsKey(variable)) {
                    problems.add(service + " is given " + variable);
                }
            }
        }
        for (String kind : List.of("KafkaUser", "TriggerAuthentication")) {
            m.ofKind(kind).forEach(r -> problems.add("defines " + kind + " " + name(r)));
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authenticatedOverlays")
    void everyKafkaClientLogsInAsAPrincipalOfItsOwn(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> problems = new ArrayList<>();
        Map<String, String> principalOf = new LinkedHashMap<>();
        for (String service : Repo.SERVICES) {
            ContainerEnv env = env(m, service);
            Map<String, String> values = env.knownValues();
            if (!kafkaClients().contains(service)) {
                for (String variable : List.of(USERNAME, PASSWORD, JAAS)) {
                    if (env.variables.containsKey(variable)) {
                        problems.add(service + " does not use Kafka but is given " + variable);
                    }
                }
                continue;
            }
            if (!"SASL_SSL".equals(values.get(PROTOCOL)) || !"SCRAM-SHA-512".equals(values.get(MECHANISM))) {
                problems.add(service + ": " + PROTOCOL + "=" + values.get(PROTOCOL) + ", " + MECHANISM + "="
                        + values.get(MECHANISM) + " (want SASL_SSL and SCRAM-SHA-512)");
            }
            Source username = env.variables.get(USERNAME);
            Source password = env.variables.get(PASSWORD);
            Source jaas = env.variables.get(JAAS);
            if (username == null
                    || username.kind() != Kind.LITERAL
                    || username.value().isBlank()) {
                problems.add(service + ": " + USERNAME + " must be the principal's name, written in the Deployment");
                continue;
            }
            if (password == null || password.kind() != Kind.SECRET) {
                problems.add(service + ": " + PASSWORD + " must come from a Secret");
                continue;
            }
            if (jaas == null
                    || !jaas.value().startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required ")
                    || !jaas.value().contains("username=\"$(" + USERNAME + ")\"")
                    || !jaas.value().contains("password=\"$(" + PASSWORD + ")\"")) {
                problems.add(service + ": " + JAAS + " must be the SCRAM login of $(" + USERNAME + ") and $(" + PASSWORD
                        + "): " + (jaas == null ? "unset" : jaas.value()));
            }
            String other = principalOf.put(username.value(), service);
            if (other != null) {
                problems.add(service + " and " + other + " share the principal " + username.value());
            }
            Optional<Map<String, Object>> user = m.find("KafkaUser", username.value());
            if (user.isEmpty()) {
                problems.add(service + " logs in as " + username.value() + ", which has no KafkaUser");
                continue;
            }
            Map<String, Object> authentication = map(map(user.get(), "spec"), "authentication");
            Map<String, Object> secretRef = map(map(map(authentication, "password"), "valueFrom"), "secretKeyRef");
            if (!"scram-sha-512".equals(str(authentication, "type"))) {
                problems.add("KafkaUser " + username.value() + " does not authenticate with scram-sha-512");
            }
            if (!Objects.equals(str(secretRef, "name"), password.refName())
                    || !Objects.equals(str(secretRef, "key"), password.refKey())) {
                problems.add("KafkaUser " + username.value() + " takes its password from " + secretRef + ", " + service
                        + " from " + password.refName() + "/" + password.refKey());
            }
        }
        for (Map<String, Object> user : m.ofKind("KafkaUser")) {
            if (!principalOf.containsKey(name(user))) {
                problems.add("KafkaUser " + name(user) + " is no service's principal");
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authenticatedOverlays")
    void eachPrincipalMayDoExactlyWhatItsServiceCodeDoes(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> problems = new ArrayList<>();
        StringBuilder report = new StringBuilder("Kafka use read from the code, overlay " + overlay + ":\n");
        for (String service : kafkaClients()) {
            ContainerEnv env = env(m, service);
            KafkaUse use = KafkaUse.of(service, ServiceConfig.of(service), env.knownValues());
            problems.addAll(use.problems);
            if (!use.usesKafka()) {
                problems.add(service + " connects to Kafka, but no publishing or consuming was found in its code");
            }
            report.append(String.format(
                    "  %-18s publishes %s; consumes %s; reads without a group %s%n",
                    service, use.produces, use.consumes, use.readsWithoutGroup));
            Source username = env.variables.get(USERNAME);
            Optional<Map<String, Object>> user =
                    username == null ? Optional.empty() : m.find("KafkaUser", username.value());
            if (user.isEmpty()) {
                problems.add(service + ": no KafkaUser to check (see everyKafkaClientLogsInAsAPrincipalOfItsOwn)");
                continue;
            }
            Set<Acl> granted = granted(user.get(), problems);
            Set<Acl> required = use.requiredAcls();
            Set<Acl> missing = new TreeSet<>(required);
            missing.removeAll(granted);
            Set<Acl> extra = new TreeSet<>(granted);
            extra.removeAll(required);
            missing.forEach(acl ->
                    problems.add(service + " needs " + acl + " (from its code), not granted to " + name(user.get())));
            extra.forEach(acl -> problems.add(
                    name(user.get()) + " is granted " + acl + ", which " + service + "'s code does not use"));
        }
        System.out.print(report);
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authenticatedOverlays")
    void theTopicsAreDeclaredAsTheServicesWouldCreateThem(String overlay) {
        Manifests m = Manifests.of(overlay);
        KafkaTopics declared = KafkaTopics.of(m);
        List<String> problems = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        Topics.ALL.forEach(topic -> {
            expected.add(topic);
            expected.add(Topics.deadLetter(topic));
        });
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(declared.byTopic.keySet());
        Set<String> unknown = new TreeSet<>(declared.byTopic.keySet());
        unknown.removeAll(expected);
        missing.forEach(t -> problems.add("no KafkaTopic for " + t + " (the principals cannot create it)"));
        unknown.forEach(t -> problems.add("KafkaTopic " + t + " is not a platform topic or its dead letters"));

        for (String topic : Topics.ALL) {
            KafkaTopics.Declared main = declared.byTopic.get(topic);
            KafkaTopics.Declared dead = declared.byTopic.get(Topics.deadLetter(topic));
            if (main == null || dead == null) {
                continue;
            }
            String policy = Topics.COMPACTED.contains(topic) ? "compact" : "delete";
            if (!policy.equals(main.config().get("cleanup.policy"))) {
                problems.add(topic + ": cleanup.policy " + main.config().get("cleanup.policy") + ", want " + policy);
            }
            if (!"delete".equals(dead.config().get("cleanup.policy"))) {
                problems.add(Topics.deadLetter(topic) + ": cleanup.policy "
                        + dead.config().get("cleanup.policy") + ", want delete");
            }
            if (dead.partitions() != main.partitions()) {
                problems.add(Topics.deadLetter(topic) + " has " + dead.partitions() + " partitions, " + topic + " "
                        + main.partitions() + ": dead letters keep their partition number");
            }
            for (KafkaTopics.Declared d : List.of(main, dead)) {
                String minIsr = d.config().get("min.insync.replicas");
                if (d.replicas() < 1 || (minIsr != null && Integer.parseInt(minIsr) >= d.replicas())) {
                    problems.add(d.resource() + ": replicas " + d.replicas() + ", min.insync.replicas " + minIsr
                            + " (a single broker down would stop acks=all producers)");
                }
            }
        }
        KafkaTopics.Declared chunks = declared.byTopic.get(Topics.REPLY_CHUNKS);
        if (chunks != null) {
            long want =
                    replyChunkRetention(env(m, "chat-service").knownValues()).toMillis();
            if (!String.valueOf(want).equals(chunks.config().get("retention.ms"))) {
                problems.add(Topics.REPLY_CHUNKS + ": retention.ms "
                        + chunks.config().get("retention.ms") + ", the services would create it with " + want);
            }
        }
        for (String service : kafkaClients()) {
            String create = env(m, service).knownValues().get("PLATFORM_KAFKA_TOPICS_CREATE");
            if (!"false".equals(create)) {
                problems.add(service + ": PLATFORM_KAFKA_TOPICS_CREATE is " + create
                        + "; its principal may not create topics, so it must not try");
            }
        }
        for (Map<String, Object> user : m.ofKind("KafkaUser")) {
            for (Acl acl : granted(user, new ArrayList<>())) {
                if (acl.resourceType().equals("topic")
                        && !acl.name().endsWith("*")
                        && !declared.byTopic.containsKey(acl.name())) {
                    problems.add("KafkaUser " + name(user) + " is granted " + acl + " on an undeclared topic");
                }
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authenticatedOverlays")
    void kedaReadsTheWorkersLagAsTheWorker(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> problems = new ArrayList<>();
        Map<String, Object> trigger = list(
                        map(
                                m.find("ScaledObject", "inference-worker")
                                        .orElseThrow(() ->
                                                new AssertionError(overlay + ": no ScaledObject inference-worker")),
                                "spec"),
                        "triggers")
                .getFirst();
        String authName = str(map(trigger, "authenticationRef"), "name");
        Optional<Map<String, Object>> auth =
                authName == null ? Optional.empty() : m.find("TriggerAuthentication", authName);
        if (auth.isEmpty()) {
            problems.add("the worker's kafka trigger has no TriggerAuthentication (" + authName + ")");
        } else {
            ContainerEnv worker = env(m, "inference-worker");
            Map<String, Object> spec = map(auth.get(), "spec");
            Map<String, String> byParameter = new LinkedHashMap<>();
            list(spec, "env")
                    .forEach(e -> byParameter.put(
                            str(e, "parameter"), "env " + str(e, "containerName") + "/" + str(e, "name")));
            list(spec, "secretTargetRef")
                    .forEach(s ->
                            byParameter.put(str(s, "parameter"), "secret " + str(s, "name") + "/" + str(s, "key")));
            Source password = worker.variables.get(PASSWORD);
            String wantUser = "env inference-worker/" + USERNAME;
            String wantPassword = password == null ? null : "secret " + password.refName() + "/" + password.refKey();
            if (!wantUser.equals(byParameter.get("username"))) {
                problems.add("KEDA's username is " + byParameter.get("username") + ", want " + wantUser);
            }
            if (wantPassword == null || !wantPassword.equals(byParameter.get("password"))) {
                problems.add("KEDA's password is " + byParameter.get("password") + ", want " + wantPassword);
            }
            if (!"scram_sha512".equals(str(map(trigger, "metadata"), "sasl"))) {
                problems.add("the trigger's sasl is " + str(map(trigger, "metadata"), "sasl") + ", want scram_sha512");
            }
            Set<Acl> granted = m.find("KafkaUser", worker.knownValues().get(USERNAME))
                    .map(user -> granted(user, problems))
                    .orElse(Set.of());
            String topic = str(map(trigger, "metadata"), "topic");
            String group = str(map(trigger, "metadata"), "consumerGroup");
            if (!granted.contains(new Acl("topic", topic, "Describe"))
                    || !granted.contains(new Acl("group", group, "Read"))) {
                problems.add("the worker's principal may not describe " + topic + " and group " + group
                        + ", which KEDA reads as it");
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    // -------------------------------------------------------------------------------------- helpers

    static ContainerEnv env(Manifests m, String service) {
        return new ContainerEnv(m, mainContainer(m, service));
    }

    /**
     * A KafkaUser's ACLs, one per operation; anything but literal topic/group rules is a problem, except prefixed
     * topic and transactionalId rules (a Kafka Streams application's internal topics and transactional ids), read
     * as the prefix followed by {@code *}.
     */
    static Set<Acl> granted(Map<String, Object> user, List<String> problems) {
        Set<Acl> acls = new TreeSet<>();
        Map<String, Object> authorization = map(map(user, "spec"), "authorization");
        if (!"simple".equals(str(authorization, "type"))) {
            problems.add("KafkaUser " + name(user) + ": authorization is not simple");
        }
        for (Map<String, Object> rule : list(authorization, "acls")) {
            Map<String, Object> resource = map(rule, "resource");
            String type = str(resource, "type");
            String resourceName = str(resource, "name");
            String pattern = str(resource, "patternType");
            boolean prefixed = "prefix".equals(pattern)
                    && List.of("topic", "transactionalId").contains(type);
            boolean literal =
                    List.of("topic", "group").contains(type) && (pattern == null || "literal".equals(pattern));
            if ((!literal && !prefixed) || resourceName == null || resourceName.contains("*")) {
                problems.add("KafkaUser " + name(user)
                        + ": only literal topic and group rules (and prefixed topic and transactionalId rules), not "
                        + resource);
                continue;
            }
            String host = str(rule, "host");
            if (host != null && !"*".equals(host)) {
                problems.add("KafkaUser " + name(user) + ": host " + host + " (pods have no fixed address)");
            }
            String aclName = prefixed ? resourceName + "*" : resourceName;
            Object operations = rule.get("operations");
            if (operations instanceof List<?> ops) {
                ops.forEach(op -> acls.add(new Acl(type, aclName, String.valueOf(op))));
            } else if (rule.get("operation") != null) {
                acls.add(new Acl(type, aclName, String.valueOf(rule.get("operation"))));
            }
        }
        return acls;
    }

    /** PLATFORM_KAFKA_TOPICS_REPLYCHUNKRETENTION if set, else the kit's default (TopicProperties). */
    private static Duration replyChunkRetention(Map<String, String> env) {
        String configured = env.get("PLATFORM_KAFKA_TOPICS_REPLYCHUNKRETENTION");
        if (configured != null) {
            return ServiceConfig.duration(configured);
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
        Matcher matcher = Pattern.compile(
                        "replyChunkRetention == null \\? Duration\\.of(Hours|Minutes|Seconds)\\((\\d+)\\)")
                .matcher(source);
        if (!matcher.find()) {
            throw new AssertionError("cannot find the default reply chunk retention in TopicProperties.java");
        }
        long amount = Long.parseLong(matcher.group(2));
        return switch (matcher.group(1)) {
            case "Hours" -> Duration.ofHours(amount);
            case "Minutes" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
