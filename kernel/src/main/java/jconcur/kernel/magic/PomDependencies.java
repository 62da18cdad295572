package jconcur.kernel.magic;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The runtime dependencies and repositories a POM declares, for %loadFromPOM: a whole POM or a fragment
 * ({@code <dependencies>}, {@code <dependency>}, {@code <repositories>}, {@code <properties>}), with
 * {@code ${property}} references replaced from its properties. Parent POMs and dependency management are
 * not followed: versions must be written in the POM.
 */
record PomDependencies(List<String> coordinates, Map<String, String> repositories) {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    static PomDependencies parse(String xml) throws MagicUsageException {
        Document doc = read(xml);
        Element root = doc.getDocumentElement();
        Map<String, String> properties = new HashMap<>();
        for (Element props : children(root, "properties")) {
            for (Element p : allChildren(props)) properties.put(p.getTagName(), p.getTextContent().strip());
        }
        for (String key : List.of("version", "groupId", "artifactId")) {
            text(root, key).ifPresent(v -> {
                properties.put("project." + key, v);
                properties.put("pom." + key, v);
            });
        }
        List<String> coordinates = new ArrayList<>();
        for (Element dep : dependencies(root)) {
            String scope = text(dep, "scope").orElse("compile");
            if (scope.equals("test") || scope.equals("provided") || scope.equals("system")) {
                continue;
            }
            String group = required(dep, "groupId", properties);
            String artifact = required(dep, "artifactId", properties);
            String version = text(dep, "version").map(v -> interpolate(v, properties))
                    .orElseThrow(() -> new MagicUsageException("dependency " + group + ":" + artifact
                            + " has no <version> (parents and dependencyManagement are not read)"));
            String type = text(dep, "type").map(v -> interpolate(v, properties)).orElse("jar");
            String classifier = text(dep, "classifier").map(v -> interpolate(v, properties)).orElse("");
            coordinates.add(classifier.isEmpty() && type.equals("jar")
                    ? group + ":" + artifact + ":" + version
                    : group + ":" + artifact + ":" + type + ":" + classifier + ":" + version);
        }
        Map<String, String> repositories = new java.util.LinkedHashMap<>();
        for (Element repos : children(root, "repositories")) {
            for (Element repo : children(repos, "repository")) {
                String url = required(repo, "url", properties);
                repositories.put(text(repo, "id").orElse(url), url);
            }
        }
        return new PomDependencies(coordinates, repositories);
    }

    private static Document read(String xml) throws MagicUsageException {
        String body = xml.strip().replaceFirst("^<\\?xml[^>]*\\?>", "").strip();
        String wrapped = body.startsWith("<project") ? body : "<project>" + body + "</project>";
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(wrapped)));
        } catch (Exception e) {
            throw new MagicUsageException("the POM is not well-formed XML: " + e.getMessage());
        }
    }

    /** dependency elements directly in project, or in project/dependencies (not in dependencyManagement or plugins). */
    private static List<Element> dependencies(Element root) {
        List<Element> deps = new ArrayList<>(children(root, "dependency"));
        for (Element list : children(root, "dependencies")) deps.addAll(children(list, "dependency"));
        return deps;
    }

    private static String required(Element e, String tag, Map<String, String> properties) throws MagicUsageException {
        return text(e, tag).map(v -> interpolate(v, properties))
                .orElseThrow(() -> new MagicUsageException("<" + e.getTagName() + "> without <" + tag + ">"));
    }

    private static java.util.Optional<String> text(Element e, String tag) {
        List<Element> found = children(e, tag);
        return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found.get(0).getTextContent().strip());
    }

    private static String interpolate(String value, Map<String, String> properties) {
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    private static List<Element> children(Element parent, String tag) {
        return allChildren(parent).stream().filter(e -> e.getTagName().equals(tag)).toList();
    }

    private static List<Element> allChildren(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) out.add((Element) nodes.item(i));
        }
        return out;
    }
}
