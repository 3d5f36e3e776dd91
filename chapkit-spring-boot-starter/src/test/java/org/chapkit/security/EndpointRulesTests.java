package org.chapkit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chapkit.security.access.ChapkitEndpointRules;
import org.chapkit.security.access.EndpointRule;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The role table has one truth: the table in docs/security.md is {@link ChapkitEndpointRules}, every request
 * mapping of a running (secured) service has a row, and every row stands for an endpoint. A new endpoint without a
 * row fails here.
 */
@ServiceTestOnH2
@TestPropertySource(properties = "chapkit.cluster.enabled=true") // /api/v1/cluster exists only then
class EndpointRulesTests extends SecuredServiceTestBase {

    /** Rows for what is not a {@code @RequestMapping}: resource handlers. */
    private static final Set<String> NOT_HANDLER_METHODS = Set.of("/", "/swagger-ui/**", "/actuator/**");

    /** The test service's own endpoints, opened by {@code chapkit.security.rules} in {@link SecuredService}. */
    private static final String TEST_ENDPOINTS = "/test/";

    @Autowired
    ApplicationContext context;

    @Test
    void everyRequestMappingHasARow() {
        List<String> missing = new ArrayList<>();
        for (Mapping mapping : mappings()) {
            if (mapping.path().startsWith(TEST_ENDPOINTS)) {
                continue;
            }
            boolean covered = ChapkitEndpointRules.all().stream().anyMatch(rule -> covers(rule, mapping));
            if (!covered) {
                missing.add(mapping + " (" + mapping.handler() + ")");
            }
        }
        assertThat(missing)
                .as("endpoints without a row in ChapkitEndpointRules and docs/security.md")
                .isEmpty();
    }

    @Test
    void everyRowStandsForAnEndpoint() {
        List<Mapping> mappings = mappings();
        List<String> stale = ChapkitEndpointRules.all().stream()
                .filter(rule -> !NOT_HANDLER_METHODS.contains(rule.path()))
                .filter(rule -> mappings.stream().noneMatch(mapping -> covers(rule, mapping)))
                .map(rule -> rule.methodName() + " " + rule.path())
                .toList();
        assertThat(stale).as("rows without an endpoint").isEmpty();
    }

    @Test
    void theDocsTableIsTheCodeTable() throws IOException {
        List<String> documented = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(docs())) {
            if (line.startsWith("## Role table")) {
                inTable = true;
            } else if (inTable && line.startsWith("## ")) {
                break;
            } else if (inTable && line.startsWith("| ") && !line.startsWith("| Family") && !line.startsWith("|---")) {
                String[] cells = line.split("\\|");
                documented.add(String.join(
                        " ", cells[1].trim(), cells[2].trim(), cells[3].trim().replace("`", ""), cells[4].trim()));
            }
        }
        List<String> coded = ChapkitEndpointRules.all().stream()
                .map(rule -> String.join(
                        " ",
                        rule.family(),
                        rule.methodName(),
                        rule.path(),
                        rule.access().wireName()))
                .toList();
        assertThat(documented).containsExactlyElementsOf(coded);
    }

    private List<Mapping> mappings() {
        List<Mapping> mappings = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping handlerMapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                    handlerMapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                for (String path : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        mappings.add(new Mapping(
                                "*", path, entry.getValue().getBeanType().getName()));
                    }
                    methods.forEach(m -> mappings.add(
                            new Mapping(m, path, entry.getValue().getBeanType().getName())));
                }
            }
        }
        assertThat(mappings).as("request mappings found").hasSizeGreaterThan(50);
        return mappings;
    }

    private static boolean covers(EndpointRule rule, Mapping mapping) {
        boolean method = rule.method() == null || rule.method().name().equals(mapping.method());
        boolean path = rule.path().equals(mapping.path())
                || (rule.path().endsWith("/**")
                        && mapping.path()
                                .startsWith(rule.path().substring(0, rule.path().length() - 2)));
        return method && path;
    }

    private static Path docs() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/security.md");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/security.md not found above " + here);
    }

    /** One method + path of a handler. */
    record Mapping(String method, String path, String handler) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
