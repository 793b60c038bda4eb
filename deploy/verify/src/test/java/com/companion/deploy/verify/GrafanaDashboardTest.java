package com.companion.deploy.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** deploy/grafana/companion.json: it parses, every panel queries Prometheus, every metric is accounted for. */
class GrafanaDashboardTest {

    private static final JsonNode DASHBOARD =
            JsonMapper.builder().build().readTree(Repo.read(Repo.path("deploy", "grafana", "companion.json")));

    /** A metric name right before a label matcher or a range: {@code name{...}} or {@code name[5m]}. */
    private static final Pattern METRIC = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");

    @Test
    void usesAPrometheusDataSourceVariable() {
        List<String> datasources = new ArrayList<>();
        for (JsonNode variable : DASHBOARD.path("templating").path("list")) {
            if ("datasource".equals(variable.path("type").asString())
                    && "prometheus".equals(variable.path("query").asString())) {
                datasources.add(variable.path("name").asString());
            }
        }
        assertThat(datasources).as("a datasource variable of type prometheus").hasSize(1);
        assertThat(DASHBOARD.path("uid").asString()).as("uid").isNotBlank();
        assertThat(DASHBOARD.path("title").asString()).as("title").isNotBlank();
    }

    @Test
    void everyPanelHasAQueryOnTheDataSourceVariable() {
        String variable = "${" + datasourceVariable() + "}";
        List<String> problems = new ArrayList<>();
        Set<Integer> ids = new LinkedHashSet<>();
        List<JsonNode> panels = panels();
        assertThat(panels).as("panels").isNotEmpty();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asString();
            if (!ids.add(panel.path("id").asInt())) {
                problems.add("panel id " + panel.path("id").asInt() + " is used twice (" + title + ")");
            }
            if (title.isBlank()) {
                problems.add("a panel without a title: id " + panel.path("id").asInt());
            }
            if (!variable.equals(panel.path("datasource").path("uid").asString())) {
                problems.add(title + ": datasource is not " + variable);
            }
            List<String> expressions = expressions(panel);
            if (expressions.isEmpty()) {
                problems.add(title + ": no query");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMetricQueriedIsListedInOperations() {
        String operations = Repo.read(Repo.path("docs", "OPERATIONS.md"));
        Set<String> metrics = new TreeSet<>();
        for (JsonNode panel : panels()) {
            for (String expression : expressions(panel)) {
                Matcher matcher = METRIC.matcher(expression.replaceAll("\"[^\"]*\"", "\"\""));
                while (matcher.find()) {
                    metrics.add(matcher.group(1));
                }
            }
        }
        assertThat(metrics).as("metrics the dashboard queries").isNotEmpty();
        List<String> undocumented =
                metrics.stream().filter(m -> !operations.contains("`" + m)).toList();
        assertThat(undocumented)
                .as("metrics queried by deploy/grafana/companion.json but not named in docs/OPERATIONS.md")
                .isEmpty();
    }

    private static String datasourceVariable() {
        for (JsonNode variable : DASHBOARD.path("templating").path("list")) {
            if ("datasource".equals(variable.path("type").asString())) {
                return variable.path("name").asString();
            }
        }
        throw new AssertionError("no datasource variable");
    }

    /** Every panel that shows data, including those inside collapsed rows. */
    private static List<JsonNode> panels() {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode panel : DASHBOARD.path("panels")) {
            if ("row".equals(panel.path("type").asString())) {
                panel.path("panels").forEach(result::add);
            } else if (!"text".equals(panel.path("type").asString())) {
                result.add(panel);
            }
        }
        return result;
    }

    private static List<String> expressions(JsonNode panel) {
        List<String> result = new ArrayList<>();
        for (JsonNode target : panel.path("targets")) {
            String expression = target.path("expr").asString();
            if (!expression.isBlank()) {
                result.add(expression);
            }
        }
        return result;
    }
}
