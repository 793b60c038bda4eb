package com.companion.deploy.verify;

import com.companion.contracts.EventType;
import com.companion.contracts.EventTypes;
import com.companion.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a service does with Kafka, read from its code and configuration: the topics it publishes, the
 * topics it consumes in a consumer group (and with which group), and the topics it reads without one.
 * The reading is deliberately narrow, and anything it does not understand is a problem rather than a
 * guess, so a new way of touching Kafka fails the build until this class learns it:
 *
 * <ul>
 *   <li>publishes: a contract event constructed in main code ({@code new ReplyCompleted(}), whatever
 *       sends it (the outbox or a template); {@code Topics.X} in a {@code send(} or {@code tombstone(}
 *       statement;
 *   <li>consumes in a group: {@code @KafkaListener(topics = Topics.X, groupId = "...")} (a missing
 *       groupId means {@code spring.kafka.consumer.group-id}); a {@code *.topic} setting with a sibling
 *       {@code *.group-id} (the worker's Parallel Consumer);
 *   <li>reads without a group: {@code Topics.X} in a {@code partitionsFor(} or {@code assign(} statement;
 *   <li>reads metadata and offsets: {@code Topics.X} in a {@code describeTopics(} statement (Describe on the
 *       topic); {@code listConsumerGroupOffsets(} reads the committed offsets of the groups a
 *       {@code <prefix>.consumer-groups} setting names (Describe on each group).
 *   <li>Kafka Streams ({@code spring.kafka.streams.application-id} set): {@code Topics.X} in a {@code .stream(}
 *       statement is consumed in the group of the application id, in a {@code globalTable(} statement read
 *       without a group, in a {@code .to(} statement published. The application also creates and uses its
 *       internal topics (changelogs, repartitions) and transactional ids, all named {@code <application id>-...}:
 *       prefixed rules, see {@link #requiredAcls}.
 * </ul>
 *
 * Any other {@code Topics.X}, a topic name written as a string in code, or a setting holding a topic
 * name in another shape is reported in {@link #problems}.
 */
final class KafkaUse {

    /** One topic consumed in one consumer group. */
    record Consumption(String topic, String group) implements Comparable<Consumption> {
        @Override
        public int compareTo(Consumption other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return topic + " (group " + group + ")";
        }
    }

    /**
     * One ACL: resource type ({@code topic}, {@code group}, {@code transactionalId}), resource name, operation. A
     * name ending in {@code *} stands for a prefixed rule on what comes before it.
     */
    record Acl(String resourceType, String name, String operation) implements Comparable<Acl> {
        @Override
        public int compareTo(Acl other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return resourceType + ":" + name + ":" + operation;
        }
    }

    private static final Pattern TOPIC_CONSTANT =
            Pattern.compile("\\b(?:com\\.companion\\.contracts\\.)?Topics\\.([A-Z][A-Z0-9_]*)\\b");
    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\s*\\(");
    private static final Pattern LISTENER_TOPICS = Pattern.compile("\\btopics\\s*=\\s*(\\{[^}]*}|[^,)]+)");
    private static final Pattern LISTENER_GROUP = Pattern.compile("\\bgroupId\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern NEW_OBJECT = Pattern.compile("\\bnew\\s+([A-Z][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    final String service;
    final Set<String> produces = new TreeSet<>();
    final Set<Consumption> consumes = new TreeSet<>();
    final Set<String> readsWithoutGroup = new TreeSet<>();
    /** Topics whose metadata and offsets are read through the admin client ({@code describeTopics(}). */
    final Set<String> describes = new TreeSet<>();
    /**
     * Consumer groups whose committed offsets are read ({@code listConsumerGroupOffsets(}), named by a
     * {@code <prefix>.consumer-groups} setting: auth-service waits for the read models of the users' topic.
     */
    final Set<String> watchedGroups = new TreeSet<>();
    /** file:line → what was found there, for the report. */
    final Map<String, String> evidence = new TreeMap<>();

    final List<String> problems = new ArrayList<>();

    /** The Kafka Streams application id, when the service is a Streams application. */
    String streamsApplicationId;

    private KafkaUse(String service) {
        this.service = service;
    }

    /** Reads the service's main code and configuration; {@code env} resolves placeholders such as group ids. */
    static KafkaUse of(String service, ServiceConfig config, Map<String, String> env) {
        KafkaUse use = new KafkaUse(service);
        use.readStreamsApplication(config, env);
        Path sources = Repo.path(service, "src", "main", "java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                use.readSource(Repo.root().relativize(file).toString(), Repo.read(file), config, env);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        use.readConfiguration(config, env);
        return use;
    }

    /** For tests of the reader itself. */
    static KafkaUse ofSource(
            String service, String fileName, String source, ServiceConfig config, Map<String, String> env) {
        KafkaUse use = new KafkaUse(service);
        use.readSource(fileName, source, config, env);
        return use;
    }

    boolean usesKafka() {
        return !produces.isEmpty() || !consumes.isEmpty() || !readsWithoutGroup.isEmpty() || !describes.isEmpty();
    }

    Set<String> groups() {
        return consumes.stream().map(Consumption::group).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The ACLs this use needs and nothing more. A grouped consumer also writes the dead-letter topic of what
     * it consumes (the kit's error handler, the worker's DeadLetters). Describe is implied by Read and Write
     * in Kafka; it is listed so the rules say what the clients do (metadata, offsets).
     */
    Set<Acl> requiredAcls() {
        Set<Acl> acls = new TreeSet<>();
        for (String topic : produces) {
            acls.add(new Acl("topic", topic, "Write"));
            acls.add(new Acl("topic", topic, "Describe"));
        }
        for (Consumption consumption : consumes) {
            acls.add(new Acl("topic", consumption.topic(), "Read"));
            acls.add(new Acl("topic", consumption.topic(), "Describe"));
            acls.add(new Acl("topic", Topics.deadLetter(consumption.topic()), "Write"));
            acls.add(new Acl("topic", Topics.deadLetter(consumption.topic()), "Describe"));
            acls.add(new Acl("group", consumption.group(), "Read"));
        }
        for (String topic : readsWithoutGroup) {
            acls.add(new Acl("topic", topic, "Read"));
            acls.add(new Acl("topic", topic, "Describe"));
        }
        for (String topic : describes) {
            acls.add(new Acl("topic", topic, "Describe"));
        }
        for (String group : watchedGroups) {
            acls.add(new Acl("group", group, "Describe"));
        }
        if (streamsApplicationId != null) {
            // Internal topics: created and checked at start, written and read back, repartition topics purged.
            for (String operation : List.of("Create", "Delete", "Describe", "DescribeConfigs", "Read", "Write")) {
                acls.add(new Acl("topic", streamsApplicationId + "-*", operation));
            }
            // exactly_once_v2: one transactional producer per stream thread, <application id>-<process>-<thread>.
            acls.add(new Acl("transactionalId", streamsApplicationId + "-*", "Write"));
            acls.add(new Acl("transactionalId", streamsApplicationId + "-*", "Describe"));
        }
        return acls;
    }

    private void readStreamsApplication(ServiceConfig config, Map<String, String> env) {
        String id = config.resolve("spring.kafka.streams.application-id", env);
        if (id != null && !id.isBlank()) {
            streamsApplicationId = id.strip();
        }
    }

    // ------------------------------------------------------------------------------------------ code

    private void readSource(String file, String source, ServiceConfig config, Map<String, String> env) {
        String code = JavaText.withoutComments(source);
        List<int[]> listenerSpans = new ArrayList<>();

        Matcher listener = LISTENER.matcher(code);
        while (listener.find()) {
            int end = JavaText.closingParenthesis(code, listener.end() - 1);
            listenerSpans.add(new int[] {listener.start(), end});
            readListener(
                    file + ":" + JavaText.line(code, listener.start()),
                    code.substring(listener.end(), end),
                    config,
                    env);
        }

        Matcher constant = TOPIC_CONSTANT.matcher(code);
        while (constant.find()) {
            int at = constant.start();
            if (listenerSpans.stream().anyMatch(span -> at >= span[0] && at <= span[1])) {
                continue;
            }
            String where = file + ":" + JavaText.line(code, at);
            String topic = topicConstant(constant.group(1), where);
            if (topic == null) {
                continue;
            }
            String statement = JavaText.statementBefore(code, at);
            if (statement.contains(".send(") || statement.contains("tombstone(")) {
                produces.add(topic);
                evidence.put(where, "publishes " + topic);
            } else if (statement.contains("describeTopics(")) {
                describes.add(topic);
                evidence.put(where, "reads the metadata and offsets of " + topic);
            } else if (statement.contains("partitionsFor(") || statement.contains(".assign(")) {
                readsWithoutGroup.add(topic);
                evidence.put(where, "reads " + topic + " without a group");
            } else if (streamsApplicationId != null && statement.contains("globalTable(")) {
                readsWithoutGroup.add(topic);
                evidence.put(where, "reads " + topic + " into a global store (no group)");
            } else if (streamsApplicationId != null && statement.contains(".stream(")) {
                consumes.add(new Consumption(topic, streamsApplicationId));
                evidence.put(where, "consumes " + topic + " in Streams application " + streamsApplicationId);
            } else if (streamsApplicationId != null && statement.contains(".to(")) {
                produces.add(topic);
                evidence.put(where, "publishes " + topic + " from the topology");
            } else {
                problems.add(where + ": Topics." + constant.group(1)
                        + " is used in a way deploy/verify does not know (" + statement.strip()
                        + "); teach KafkaUse whether this publishes or consumes");
            }
        }

        if (code.contains("listConsumerGroupOffsets(")) {
            readWatchedGroups(file + ":" + JavaText.line(code, code.indexOf("listConsumerGroupOffsets(")), config, env);
        }

        Map<String, EventType<?>> events = new LinkedHashMap<>();
        EventTypes.ALL.forEach(type -> events.put(type.javaType().getSimpleName(), type));
        Matcher created = NEW_OBJECT.matcher(code);
        while (created.find()) {
            EventType<?> type = events.get(created.group(1));
            if (type != null) {
                String where = file + ":" + JavaText.line(code, created.start());
                produces.add(type.topic());
                evidence.put(where, "publishes " + type.topic() + " (" + type.name() + ")");
            }
        }

        Matcher literal = STRING_LITERAL.matcher(code);
        while (literal.find()) {
            if (Topics.ALL.contains(literal.group(1))
                    || Topics.ALL.stream().anyMatch(t -> Topics.deadLetter(t).equals(literal.group(1)))) {
                problems.add(file + ":" + JavaText.line(code, literal.start()) + ": the topic \"" + literal.group(1)
                        + "\" is written as a string; use the Topics constant so deploy/verify can see it");
            }
        }
    }

    /** The groups a {@code <prefix>.consumer-groups} setting names (comma-separated). */
    private void readWatchedGroups(String where, ServiceConfig config, Map<String, String> env) {
        List<String> settings = config.properties.keySet().stream()
                .filter(property -> property.endsWith(".consumer-groups"))
                .toList();
        if (settings.isEmpty()) {
            problems.add(
                    where + ": reads consumer groups' offsets, but no <prefix>.consumer-groups setting names them");
            return;
        }
        for (String setting : settings) {
            String value = config.resolve(setting, env);
            for (String group : value == null ? new String[0] : value.split(",")) {
                if (!group.isBlank()) {
                    watchedGroups.add(group.strip());
                    evidence.put(where, "reads the committed offsets of group " + group.strip());
                }
            }
        }
    }

    private void readListener(String where, String arguments, ServiceConfig config, Map<String, String> env) {
        if (arguments.contains("topicPattern") || arguments.contains("topicPartitions")) {
            problems.add(where + ": @KafkaListener with topicPattern/topicPartitions is not understood; name topics");
            return;
        }
        Matcher topics = LISTENER_TOPICS.matcher(arguments);
        if (!topics.find()) {
            problems.add(where + ": @KafkaListener without topics = ...");
            return;
        }
        Matcher group = LISTENER_GROUP.matcher(arguments);
        String groupExpression = group.find() ? group.group(1) : "${spring.kafka.consumer.group-id}";
        String resolved = config.resolveText(groupExpression, env).strip();
        if (resolved.isEmpty()) {
            problems.add(where + ": the listener's group " + groupExpression + " resolves to nothing");
            return;
        }
        Matcher constant = TOPIC_CONSTANT.matcher(topics.group(1));
        boolean any = false;
        while (constant.find()) {
            String topic = topicConstant(constant.group(1), where);
            if (topic != null) {
                consumes.add(new Consumption(topic, resolved));
                evidence.put(where + "#" + topic, "consumes " + topic + " in group " + resolved);
                any = true;
            }
        }
        if (!any) {
            problems.add(where + ": @KafkaListener topics are not Topics constants: "
                    + topics.group(1).strip());
        }
    }

    private String topicConstant(String name, String where) {
        try {
            Field field = Topics.class.getField(name);
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                return (String) field.get(null);
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // reported below
        }
        problems.add(where + ": Topics." + name + " is not a topic constant of the contracts");
        return null;
    }

    // -------------------------------------------------------------------------------- configuration

    private void readConfiguration(ServiceConfig config, Map<String, String> env) {
        Set<String> known = new TreeSet<>(Topics.ALL);
        Topics.ALL.forEach(t -> known.add(Topics.deadLetter(t)));
        for (String property : config.properties.keySet()) {
            String value =
                    config.resolveText(config.properties.get(property), env).strip();
            if (!known.contains(value)) {
                continue;
            }
            String where = config.origins.get(property) + " " + property;
            if (!property.endsWith(".topic")) {
                problems.add(where + " holds the topic " + value
                        + " but is not a <prefix>.topic setting deploy/verify knows how to read");
                continue;
            }
            String groupProperty = property.substring(0, property.length() - ".topic".length()) + ".group-id";
            String group = config.resolve(groupProperty, env);
            if (group == null || group.isBlank()) {
                problems.add(where + " names a topic but " + groupProperty + " (its consumer group) is not set");
                continue;
            }
            consumes.add(new Consumption(value, group.strip()));
            evidence.put(where, "consumes " + value + " in group " + group.strip());
        }
    }
}
