package com.companion.deploy.verify;

import static com.companion.deploy.verify.Manifests.map;
import static com.companion.deploy.verify.Manifests.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The one image definition (deploy/docker/Dockerfile, built with {@code --build-arg MODULE=<module>})
 * against the modules it packages, and docker-compose.yml against both.
 */
class ImageDefinitionTest {

    static final Path DOCKERFILE = Repo.path("deploy", "docker", "Dockerfile");
    static final Path COMPOSE = Repo.path("docker-compose.yml");

    static List<String> services() {
        return Repo.SERVICES;
    }

    // -------------------------------------------------------------------------------------- modules

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theModuleBuildsTheJarTheDockerfileCopies(String service) {
        Element project = Repo.pom(Repo.path(service, "pom.xml")).getDocumentElement();
        List<String> problems = new ArrayList<>();
        if (!service.equals(Repo.text(Repo.child(project, "artifactId")))) {
            problems.add("artifactId is " + Repo.text(Repo.child(project, "artifactId")) + ", not the directory name");
        }
        String packaging = Repo.text(Repo.child(project, "packaging"));
        if (packaging != null && !packaging.equals("jar")) {
            problems.add("packaging is " + packaging);
        }
        String ownVersion = Repo.text(Repo.child(project, "version"));
        if (ownVersion != null && !ownVersion.equals(Repo.version())) {
            problems.add("version " + ownVersion + " differs from the parent's " + Repo.version());
        }
        Element build = Repo.child(project, "build");
        if (Repo.child(build, "finalName") != null) {
            problems.add("build.finalName renames the jar");
        }
        boolean bootPlugin = Repo.children(Repo.child(build, "plugins"), "plugin").stream()
                .anyMatch(p -> "spring-boot-maven-plugin".equals(Repo.text(Repo.child(p, "artifactId"))));
        if (!bootPlugin) {
            problems.add("no spring-boot-maven-plugin, so `package` makes no executable jar");
        }
        assertThat(problems).as(service + "/pom.xml").isEmpty();
    }

    /**
     * When this reactor packaged the module (its artifact resolves into {@code <module>/target}),
     * the jar is where the Dockerfile copies it from and can be extracted the way it extracts it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void thePackagedJarIsWhereTheDockerfileLooks(String service) throws IOException {
        Path expected = Repo.path(service, "target", service + "-" + Repo.version() + ".jar");
        String resolved = System.getProperty("companion.artifact." + service);
        boolean packagedHere = resolved != null
                && Path.of(resolved)
                        .toAbsolutePath()
                        .normalize()
                        .startsWith(Repo.path(service, "target").normalize());
        if (packagedHere) {
            assertThat(Path.of(resolved).toAbsolutePath().normalize())
                    .as("the jar the reactor built for " + service)
                    .isEqualTo(expected.toAbsolutePath().normalize());
            assertThat(expected).as("packaged in this build").isRegularFile();
        } else {
            Assumptions.assumeTrue(
                    Files.isRegularFile(expected),
                    service + " was not packaged in this build (resolved " + resolved + "); nothing to look at");
        }
        try (JarFile jar = new JarFile(expected.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Main-Class"))
                    .as(service + ": the launcher the Dockerfile's ENTRYPOINT runs")
                    .isEqualTo(entrypointClass());
            assertThat(jar.getEntry("BOOT-INF/layers.idx"))
                    .as(service + ": layers.idx, which `extract --layers` needs")
                    .isNotNull();
            String layers = new String(
                    jar.getInputStream(jar.getEntry("BOOT-INF/layers.idx")).readAllBytes(), StandardCharsets.UTF_8);
            Set<String> names = Pattern.compile("^- \"([^\"]+)\":", Pattern.MULTILINE)
                    .matcher(layers)
                    .results()
                    .map(r -> r.group(1))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            assertThat(copiedLayers())
                    .as(service + ": the layers the Dockerfile copies")
                    .containsExactlyInAnyOrderElementsOf(names);
        }
    }

    // ----------------------------------------------------------------------------------- Dockerfile

    @Test
    void theDockerfileBuildsAnyModuleAndRunsItAsNonRoot() {
        List<String> lines = instructions();
        List<String> problems = new ArrayList<>();
        String version = Repo.version();

        List<List<String>> stages = stages(lines);
        if (stages.size() < 2) {
            problems.add("want a build stage and a runtime stage, found " + stages.size());
        }
        for (List<String> stage : stages) {
            boolean usesModule = stage.stream().anyMatch(l -> l.contains("${MODULE}") || l.contains("$MODULE"));
            boolean declares = stage.stream().anyMatch(l -> l.matches("ARG\\s+MODULE(=.*)?"));
            if (usesModule && !declares) {
                problems.add("a stage uses MODULE without its own `ARG MODULE`: " + stage.getFirst());
            }
        }
        String all = String.join("\n", lines);
        String jarPath = "${MODULE}/target/${MODULE}-" + version + ".jar";
        if (!all.contains(jarPath)) {
            problems.add("does not copy " + jarPath + " (the jar `package` makes at version " + version + ")");
        }
        if (!Pattern.compile("-pl\\s+\"?\\$\\{MODULE}\"?").matcher(all).find()) {
            problems.add("does not build the module given as MODULE (-pl ${MODULE})");
        }
        if (!all.contains("extract --layers --launcher")) {
            problems.add("does not extract the jar's layers with the launcher");
        }

        // Maven reads every <module> of the root pom before it builds any; each must be in the context.
        Set<String> copied = copiedSources(stages.getFirst());
        for (String module : Repo.modules()) {
            boolean present = copied.stream()
                    .anyMatch(src -> src.equals(".")
                            || module.equals(src)
                            || module.startsWith(src + "/")
                            || (module + "/pom.xml").equals(src));
            if (!present) {
                problems.add("the root pom lists module " + module
                        + " but the build stage does not COPY it (or its pom.xml):" + " Maven stops with `Child module "
                        + module + " does not exist`");
            }
        }
        for (String src : copied) {
            if (!src.equals(".") && !Files.exists(Repo.path(src))) {
                problems.add("COPY " + src + ": no such file in the repository");
            }
        }

        List<String> runtime = stages.getLast();
        String user = null;
        for (String line : runtime) {
            if (line.startsWith("USER ")) {
                user = line.substring(5).strip();
            }
        }
        if (user == null || user.equals("root") || user.startsWith("0") || user.startsWith("root:")) {
            problems.add("the runtime stage runs as " + (user == null ? "root (no USER)" : user));
        }
        if (!runtime.getLast().startsWith("ENTRYPOINT")
                && runtime.stream().noneMatch(l -> l.startsWith("ENTRYPOINT"))) {
            problems.add("the runtime stage has no ENTRYPOINT");
        }
        Pattern secret = Pattern.compile("(?i)^(ARG|ENV)\\s+\\S*(PASSWORD|SECRET|TOKEN|API_KEY|ACCESS_KEY)\\S*");
        for (String line : lines) {
            if (secret.matcher(line).find()) {
                problems.add("a secret in the image definition: " + line);
            }
            if (line.startsWith("COPY")
                    && (line.contains(".env") || line.contains("id_rsa") || line.contains(".m2/settings"))) {
                problems.add("copies credentials into the image: " + line);
            }
        }
        assertThat(problems).as("deploy/docker/Dockerfile").isEmpty();
    }

    // ------------------------------------------------------------------------------ docker-compose

    @Test
    @SuppressWarnings("unchecked")
    void composeBuildsEachServiceFromTheDockerfileAndChecksItsHealth() {
        Assumptions.assumeTrue(Files.isRegularFile(COMPOSE), "no docker-compose.yml");
        Map<String, Object> compose =
                (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Repo.read(COMPOSE));
        Map<String, Object> services = map(compose, "services");
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            Map<String, Object> definition = map(services, service);
            if (definition.isEmpty()) {
                problems.add(service + ": not in docker-compose.yml");
                continue;
            }
            Map<String, Object> build = map(definition, "build");
            String context = str(build, "context");
            if (!"deploy/docker/Dockerfile".equals(str(build, "dockerfile"))
                    || !(".".equals(context) || "./".equals(context))) {
                problems.add(service + ": not built from the repository root with deploy/docker/Dockerfile: " + build);
            }
            if (!service.equals(str(map(build, "args"), "MODULE"))) {
                problems.add(service + ": build arg MODULE is " + str(map(build, "args"), "MODULE"));
            }
            Map<String, String> environment = environment(definition.get("environment"));
            ServiceConfig config = ServiceConfig.of(service);
            int port = config.serverPort(environment);
            Object ports = definition.get("ports");
            if (ports instanceof List<?> mappings) {
                for (Object mapping : mappings) {
                    String text = String.valueOf(mapping);
                    String container = text.substring(text.lastIndexOf(':') + 1).replace("/tcp", "");
                    if (Integer.parseInt(container) != port) {
                        problems.add(
                                service + ": maps container port " + container + ", the service listens on " + port);
                    }
                }
            } else if (!"inference-worker".equals(service)) {
                problems.add(service + ": no port mapping");
            }
            Object test = map(definition, "healthcheck").get("test");
            String check = test instanceof List<?> parts
                    ? parts.stream().map(String::valueOf).collect(Collectors.joining(" "))
                    : String.valueOf(test);
            if (!check.contains("/actuator/health")) {
                problems.add(service + ": the healthcheck does not call /actuator/health: " + check);
            }
            Matcher portInCheck =
                    Pattern.compile("127\\.0\\.0\\.1:(\\d+|\\$\\$?\\{?PORT}?)").matcher(check);
            if (portInCheck.find()) {
                String used = portInCheck.group(1);
                String value = used.chars().allMatch(Character::isDigit) ? used : environment.get("PORT");
                if (value == null || Integer.parseInt(value) != port) {
                    problems.add(service + ": the healthcheck calls port " + used + " (" + value
                            + "), the service listens on " + port);
                }
            }
        }
        assertThat(problems).as("docker-compose.yml").isEmpty();
    }

    // -------------------------------------------------------------------------------------- helpers

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    static List<String> instructions() {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Repo.read(DOCKERFILE).lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            result.add(current.toString().strip().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        return result;
    }

    private static List<List<String>> stages(List<String> lines) {
        List<List<String>> stages = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("FROM ")) {
                stages.add(new ArrayList<>());
            }
            if (!stages.isEmpty()) {
                stages.getLast().add(line);
            }
        }
        return stages;
    }

    /** Sources of the COPY instructions of a stage that copy from the build context. */
    private static Set<String> copiedSources(List<String> stage) {
        Set<String> sources = new LinkedHashSet<>();
        for (String line : stage) {
            if (!line.startsWith("COPY ") || line.contains("--from=")) {
                continue;
            }
            List<String> parts = new ArrayList<>(List.of(line.substring(5).split(" ")));
            parts.removeIf(p -> p.startsWith("--"));
            for (String source : parts.subList(0, parts.size() - 1)) {
                sources.add(source.replaceAll("/+$", "").replaceFirst("^\\./", ""));
            }
        }
        return sources;
    }

    /** The layer directories the runtime stage copies out of the extracted jar. */
    private static Set<String> copiedLayers() {
        Set<String> layers = new LinkedHashSet<>();
        Pattern layer = Pattern.compile("COPY --from=\\S+ \\S*/extracted/([^/ ]+)/? ");
        for (String line : instructions()) {
            Matcher matcher = layer.matcher(line);
            if (matcher.find()) {
                layers.add(matcher.group(1));
            }
        }
        return layers;
    }

    private static String entrypointClass() {
        for (String line : instructions()) {
            if (line.startsWith("ENTRYPOINT")) {
                Matcher matcher = Pattern.compile("\"(org\\.springframework\\.boot\\.loader\\.[\\w.]+)\"")
                        .matcher(line);
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
        }
        throw new AssertionError("the Dockerfile's ENTRYPOINT runs no Spring Boot launcher class");
    }

    private static Map<String, String> environment(Object environment) {
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (environment instanceof List<?> list) {
            for (Object item : list) {
                String text = String.valueOf(item);
                int eq = text.indexOf('=');
                if (eq > 0) {
                    result.put(text.substring(0, eq), text.substring(eq + 1));
                }
            }
        }
        return result;
    }
}
