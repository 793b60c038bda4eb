package com.companion.deploy.verify;

import static com.companion.deploy.verify.Manifests.list;
import static com.companion.deploy.verify.Manifests.map;
import static com.companion.deploy.verify.Manifests.str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A container's environment as Kubernetes will build it, resolved against the rendered ConfigMaps. */
final class ContainerEnv {

    enum Kind {
        LITERAL,
        CONFIG_MAP,
        SECRET,
        OTHER
    }

    /** Where one variable comes from; {@code value} is known for literals and ConfigMap keys. */
    record Source(String variable, Kind kind, String refName, String refKey, boolean optional, String value) {}

    private static final Pattern DEPENDENT = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    /** Later entries win, as in Kubernetes: envFrom in order, then env. */
    final Map<String, Source> variables = new LinkedHashMap<>();
    /** Everything that does not add up (a missing ConfigMap or key, a secret without a key...). */
    final List<String> problems = new ArrayList<>();
    /** $(VAR) references and whether VAR was defined before the referencing entry. */
    final Map<String, Set<String>> dependentReferences = new LinkedHashMap<>();

    ContainerEnv(Manifests manifests, Map<String, Object> container) {
        String where = manifests.overlay + " container " + str(container, "name");
        for (Map<String, Object> from : list(container, "envFrom")) {
            Map<String, Object> configMapRef = map(from, "configMapRef");
            Map<String, Object> secretRef = map(from, "secretRef");
            if (!configMapRef.isEmpty()) {
                String name = str(configMapRef, "name");
                boolean optional = Boolean.TRUE.equals(configMapRef.get("optional"));
                Optional<Map<String, Object>> data = manifests.configMapData(name);
                if (data.isEmpty()) {
                    if (!optional) {
                        problems.add(
                                where + ": envFrom names ConfigMap " + name + ", which the overlay does not define");
                    }
                    continue;
                }
                data.get()
                        .forEach((key, value) -> variables.put(
                                key,
                                new Source(
                                        key,
                                        Kind.CONFIG_MAP,
                                        name,
                                        key,
                                        optional,
                                        value == null ? "" : String.valueOf(value))));
            }
            if (!secretRef.isEmpty()) {
                problems.add(where + ": envFrom secretRef " + str(secretRef, "name")
                        + " hides which keys it needs; reference each key with env[].valueFrom.secretKeyRef");
            }
        }
        Set<String> definedSoFar = new LinkedHashSet<>(variables.keySet());
        for (Map<String, Object> entry : list(container, "env")) {
            String name = str(entry, "name");
            Map<String, Object> valueFrom = map(entry, "valueFrom");
            Source source;
            if (valueFrom.isEmpty()) {
                String value = entry.get("value") == null ? "" : String.valueOf(entry.get("value"));
                source = new Source(name, Kind.LITERAL, null, null, false, value);
                Matcher matcher = DEPENDENT.matcher(value);
                while (matcher.find()) {
                    dependentReferences
                            .computeIfAbsent(name, k -> new LinkedHashSet<>())
                            .add(matcher.group(1));
                    if (!definedSoFar.contains(matcher.group(1))) {
                        problems.add(where + ": " + name + " refers to $(" + matcher.group(1)
                                + "), which is not defined before it (Kubernetes would leave it unexpanded)");
                    }
                }
            } else if (!map(valueFrom, "secretKeyRef").isEmpty()) {
                Map<String, Object> ref = map(valueFrom, "secretKeyRef");
                boolean optional = Boolean.TRUE.equals(ref.get("optional"));
                source = new Source(name, Kind.SECRET, str(ref, "name"), str(ref, "key"), optional, null);
                if (isBlank(source.refName()) || isBlank(source.refKey())) {
                    problems.add(where + ": " + name + " references a Secret without both a name and a key: " + ref);
                }
            } else if (!map(valueFrom, "configMapKeyRef").isEmpty()) {
                Map<String, Object> ref = map(valueFrom, "configMapKeyRef");
                boolean optional = Boolean.TRUE.equals(ref.get("optional"));
                String cmName = str(ref, "name");
                String key = str(ref, "key");
                Optional<Map<String, Object>> data = manifests.configMapData(cmName);
                String value = data.map(d -> d.get(key)).map(String::valueOf).orElse(null);
                if (value == null && !optional) {
                    problems.add(where + ": " + name + " references ConfigMap " + cmName + " key " + key
                            + ", which the overlay does not define");
                }
                source = new Source(name, Kind.CONFIG_MAP, cmName, key, optional, value);
            } else {
                source = new Source(name, Kind.OTHER, null, null, false, null);
            }
            variables.put(name, source);
            definedSoFar.add(name);
        }
    }

    /** Variables whose value the manifests fix (literals and ConfigMap keys). */
    Map<String, String> knownValues() {
        Map<String, String> values = new LinkedHashMap<>();
        variables.forEach((name, source) -> {
            if (source.value() != null) {
                values.put(name, source.value());
            }
        });
        return values;
    }

    /** Variables used only to build others through $(VAR). */
    Set<String> helperVariables() {
        Set<String> helpers = new LinkedHashSet<>();
        dependentReferences.values().forEach(helpers::addAll);
        return helpers;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
