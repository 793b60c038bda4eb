package com.companion.deploy.verify;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a service reads from its environment, as its configuration says: the service's
 * {@code application.yml} over the defaults of every kit on its runtime classpath (the kits add
 * their {@code *-defaults.properties} last, so the service's own settings win).
 */
final class ServiceConfig {

    /** {@code ${NAME} or ${NAME:default}} where NAME looks like an environment variable. */
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    final String service;
    /** Effective property → raw value (placeholders unresolved). */
    final Map<String, String> properties;
    /** Property → the file it came from. */
    final Map<String, String> origins;
    /** Files read, service first. */
    final List<String> sources;

    private ServiceConfig(
            String service, Map<String, String> properties, Map<String, String> origins, List<String> sources) {
        this.service = service;
        this.properties = properties;
        this.origins = origins;
        this.sources = sources;
    }

    static ServiceConfig of(String service) {
        Map<String, Path> modules = Repo.modulesByArtifactId();
        Path serviceDir = Repo.path(service);
        Map<String, String> properties = new TreeMap<>();
        Map<String, String> origins = new TreeMap<>();
        List<String> sources = new ArrayList<>();

        // Kits first (lowest precedence), in dependency order; then the service.
        for (Path kit : kitsOf(serviceDir, modules)) {
            for (Path file : defaultsFiles(kit)) {
                load(file, properties, origins);
                sources.add(Repo.root().relativize(file).toString());
            }
        }
        for (String name : List.of("application.properties", "application.yml", "application.yaml")) {
            Path file = serviceDir.resolve("src/main/resources").resolve(name);
            if (Files.isRegularFile(file)) {
                load(file, properties, origins);
                sources.add(0, Repo.root().relativize(file).toString());
            }
        }
        return new ServiceConfig(service, properties, origins, sources);
    }

    /** Every environment variable a placeholder of the effective configuration reads → the properties reading it. */
    Map<String, Set<String>> environmentVariables() {
        Map<String, Set<String>> result = new TreeMap<>();
        properties.forEach((property, value) -> {
            Matcher matcher = ENV_PLACEHOLDER.matcher(value);
            while (matcher.find()) {
                result.computeIfAbsent(matcher.group(1), k -> new LinkedHashSet<>())
                        .add(property);
            }
        });
        return result;
    }

    /** The property's value with placeholders resolved against {@code env}, then other properties, then defaults. */
    String resolve(String property, Map<String, String> env) {
        String raw = properties.get(property);
        return raw == null ? null : resolveText(raw, env, 0);
    }

    /** The port the service listens on with this environment (server.port, Spring's default 8080). */
    int serverPort(Map<String, String> env) {
        String port = resolve("server.port", env);
        return Integer.parseInt(port == null ? "8080" : port.strip());
    }

    /** Spring's graceful-shutdown phase timeout with this environment (Spring's default 30 s). */
    Duration shutdownPhase(Map<String, String> env) {
        String value = resolve("spring.lifecycle.timeout-per-shutdown-phase", env);
        return value == null ? Duration.ofSeconds(30) : duration(value);
    }

    static Duration duration(String value) {
        Matcher matcher = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?").matcher(value.strip());
        if (!matcher.matches()) {
            return Duration.parse(value.strip());
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** Any text with placeholders resolved as {@link #resolve} does (e.g. a listener's groupId expression). */
    String resolveText(String text, Map<String, String> env) {
        return resolveText(text, env, 0);
    }

    private String resolveText(String text, Map<String, String> env, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("placeholder loop in " + service + ": " + text);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int end = matchingBrace(text, start + 2);
            String inner = text.substring(start + 2, end);
            int colon = topLevelColon(inner);
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String fallback = colon < 0 ? null : inner.substring(colon + 1);
            String value = env.get(name);
            if (value == null && properties.containsKey(name)) {
                value = resolveText(properties.get(name), env, depth + 1);
            }
            if (value == null && fallback != null) {
                value = resolveText(fallback, env, depth + 1);
            }
            out.append(value == null ? "" : value);
            i = end + 1;
        }
        return out.toString();
    }

    private static int matchingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unclosed placeholder: " + text);
    }

    private static int topLevelColon(String inner) {
        int depth = 0;
        for (int i = 0; i < inner.length(); i++) {
            if (inner.startsWith("${", i)) {
                depth++;
                i++;
            } else if (inner.charAt(i) == '}') {
                depth--;
            } else if (inner.charAt(i) == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The in-repository modules on the service's runtime classpath, dependencies before dependants. */
    private static List<Path> kitsOf(Path serviceDir, Map<String, Path> modules) {
        List<Path> ordered = new ArrayList<>();
        visit(
                Repo.runtimeCompanionDependencies(serviceDir.resolve("pom.xml")),
                modules,
                new LinkedHashSet<>(),
                ordered);
        return ordered;
    }

    private static void visit(
            List<String> artifactIds, Map<String, Path> modules, Set<String> seen, List<Path> ordered) {
        for (String artifactId : artifactIds) {
            Path dir = modules.get(artifactId);
            if (dir == null || !seen.add(artifactId)) {
                continue;
            }
            visit(Repo.runtimeCompanionDependencies(dir.resolve("pom.xml")), modules, seen, ordered);
            ordered.add(dir);
        }
    }

    /** Top-level .properties/.yml files of a kit's main resources (its defaults). */
    private static List<Path> defaultsFiles(Path kit) {
        Path resources = kit.resolve("src/main/resources");
        if (!Files.isDirectory(resources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(resources)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load(Path file, Map<String, String> properties, Map<String, String> origins) {
        String origin = Repo.root().relativize(file).toString();
        Map<String, String> loaded = new LinkedHashMap<>();
        String text = Repo.read(file);
        if (file.getFileName().toString().endsWith(".properties")) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.forEach((k, v) -> loaded.put(k.toString(), v.toString()));
        } else {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            for (Object document : yaml.loadAll(text)) {
                if (document instanceof Map<?, ?> map) {
                    Map<String, String> flat = new LinkedHashMap<>();
                    flatten("", map, flat);
                    // Profile-specific documents are not active in a deployment.
                    if (!flat.containsKey("spring.config.activate.on-profile")) {
                        loaded.putAll(flat);
                    }
                }
            }
        }
        loaded.forEach((k, v) -> {
            properties.put(k, v);
            origins.put(k, origin);
        });
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(prefix, node == null ? "" : String.valueOf(node));
        }
    }
}
