package com.companion.deploy.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The repository these tests check: its root, its modules and their poms. */
final class Repo {

    /** The deployable services, each a Maven module of the same name at the root. */
    static final List<String> SERVICES = List.of(
            "gateway-service",
            "auth-service",
            "character-service",
            "chat-service",
            "media-service",
            "ad-service",
            "inference-worker",
            "analytics-service");

    private static final Path ROOT = locateRoot();

    private Repo() {}

    static Path root() {
        return ROOT;
    }

    static Path path(String first, String... more) {
        return ROOT.resolve(Path.of(first, more));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project version of the root pom (every module inherits it). */
    static String version() {
        String fromMaven = System.getProperty("companion.version");
        if (fromMaven != null && !fromMaven.isBlank()) {
            return fromMaven;
        }
        return text(child(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "version"));
    }

    /** The {@code <modules>} of the root pom, as paths relative to the root. */
    static List<String> modules() {
        Element modules = child(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "modules");
        List<String> result = new ArrayList<>();
        for (Element module : children(modules, "module")) {
            result.add(text(module));
        }
        return result;
    }

    /** artifactId → module directory, for every module of the root pom. */
    static Map<String, Path> modulesByArtifactId() {
        Map<String, Path> result = new LinkedHashMap<>();
        for (String module : modules()) {
            Path dir = ROOT.resolve(module);
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom)) {
                result.put(text(child(pom(pom).getDocumentElement(), "artifactId")), dir);
            }
        }
        return result;
    }

    static Document pom(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The {@code com.companion} dependencies of a pom that end up on its runtime classpath. */
    static List<String> runtimeCompanionDependencies(Path pomFile) {
        Element project = pom(pomFile).getDocumentElement();
        Element dependencies = child(project, "dependencies");
        List<String> result = new ArrayList<>();
        if (dependencies == null) {
            return result;
        }
        for (Element dependency : children(dependencies, "dependency")) {
            String groupId = text(child(dependency, "groupId"));
            String scope = text(child(dependency, "scope"));
            boolean runtime = scope == null || scope.equals("compile") || scope.equals("runtime");
            if ("com.companion".equals(groupId) && runtime) {
                result.add(text(child(dependency, "artifactId")));
            }
        }
        return result;
    }

    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                result.add(element);
            }
        }
        return result;
    }

    static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }

    private static Path locateRoot() {
        String configured = System.getProperty("companion.root");
        Path start = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("deploy"))
                    && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + start);
    }
}
