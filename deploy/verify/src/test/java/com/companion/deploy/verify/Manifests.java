package com.companion.deploy.verify;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** One rendered overlay ({@code kubectl kustomize}), as plain maps, with a few ways to look into it. */
final class Manifests {

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private static final String KUBECTL_HINT =
            "the deployment tests render deploy/k8s/overlays/* with `kubectl kustomize`"
                    + " (kubectl >= 1.27, kustomize v5). Install kubectl or point the KUBECTL environment variable at it.";

    final String overlay;
    final List<Map<String, Object>> documents;

    private Manifests(String overlay, List<Map<String, Object>> documents) {
        this.overlay = overlay;
        this.documents = documents;
    }

    /** The overlay directories under deploy/k8s/overlays. */
    static List<String> overlays() {
        Path dir = Repo.path("deploy", "k8s", "overlays");
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isRegularFile(p.resolve("kustomization.yaml")))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifests of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::render);
    }

    /** The YAML text kubectl kustomize prints for the overlay. */
    static String renderText(String overlay) {
        Path dir = Repo.path("deploy", "k8s", "overlays", overlay);
        String kubectl = kubectl();
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            try {
                Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + dir + " did not finish in 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue()
                            + "):\n" + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + kubectl + " (" + e.getMessage() + "): " + KUBECTL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + overlay, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Manifests render(String overlay) {
        String text = renderText(overlay);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Map<String, Object>> documents = new ArrayList<>();
        int index = 0;
        for (Object document : yaml.loadAll(text)) {
            index++;
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map)) {
                throw new AssertionError(overlay + ": document " + index + " is not a mapping: " + document);
            }
            documents.add((Map<String, Object>) document);
        }
        return new Manifests(overlay, documents);
    }

    /**
     * The kubectl to run: $KUBECTL, else the first on the PATH, else /usr/bin/kubectl. Fails with
     * what to do when there is none.
     */
    static String kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        if (Files.isExecutable(Path.of("/usr/bin/kubectl"))) {
            return "/usr/bin/kubectl";
        }
        throw new AssertionError(
                "kubectl is not installed (nor on the PATH, nor at /usr/bin/kubectl): " + KUBECTL_HINT);
    }

    // ---------------------------------------------------------------- looking things up

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(name(d))).findFirst();
    }

    Map<String, Object> deployment(String name) {
        return find("Deployment", name).orElseThrow(() -> new AssertionError(overlay + ": no Deployment " + name));
    }

    /** A ConfigMap's data, or empty when there is no ConfigMap of that name. */
    Optional<Map<String, Object>> configMapData(String name) {
        return find("ConfigMap", name).map(cm -> map(cm, "data"));
    }

    static String name(Map<String, Object> document) {
        return str(map(document, "metadata"), "name");
    }

    static Map<String, Object> podSpec(Map<String, Object> deployment) {
        return map(map(map(deployment, "spec"), "template"), "spec");
    }

    static Map<String, Object> podLabels(Map<String, Object> deployment) {
        return map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels");
    }

    static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        return list(podSpec(deployment), "containers");
    }

    // ---------------------------------------------------------------- untyped navigation

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        if (!(value instanceof List<?> items)) {
            return List.of();
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map) {
                result.add((Map<String, Object>) item);
            }
        }
        return result;
    }

    static String str(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value == null ? null : String.valueOf(value);
    }

    // ---------------------------------------------------------------- quantities

    private static final Pattern QUANTITY = Pattern.compile("([0-9.]+)([a-zA-Z]*)");

    /** A Kubernetes resource quantity in base units (cores, bytes). */
    static BigDecimal quantity(Object value) {
        Matcher matcher = QUANTITY.matcher(String.valueOf(value).strip());
        if (!matcher.matches()) {
            throw new AssertionError("not a quantity: " + value);
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        BigDecimal factor = switch (matcher.group(2)) {
            case "" -> BigDecimal.ONE;
            case "m" -> new BigDecimal("0.001");
            case "k" -> BigDecimal.valueOf(1_000L);
            case "M" -> BigDecimal.valueOf(1_000_000L);
            case "G" -> BigDecimal.valueOf(1_000_000_000L);
            case "Ki" -> BigDecimal.valueOf(1L << 10);
            case "Mi" -> BigDecimal.valueOf(1L << 20);
            case "Gi" -> BigDecimal.valueOf(1L << 30);
            case "Ti" -> BigDecimal.valueOf(1L << 40);
            default -> throw new AssertionError("unknown quantity suffix in " + value);
        };
        return number.multiply(factor);
    }
}
