package org.chapkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples of the README and of docs/getting-started.md marked {@code <!-- chapkit init my-model: FILE -->}
 * are exactly the files {@code chapkit init my-model} writes, which {@link GeneratedProjectsBuildTests} compiles
 * and tests. So the documented pom and code compile as written, imports included.
 */
class DocsExamplesTests {

    private static final Pattern EXAMPLE =
            Pattern.compile("<!-- chapkit init my-model: (\\S+) -->\\s*```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/getting-started.md"})
    void markedExamplesAreWhatChapkitInitWrites(String document) throws IOException {
        Path project = directory.resolve("my-model");
        ProjectGenerator.generate(project, "my-model", "org.example", ProjectTemplate.ANNOTATED);
        String text = Files.readString(
                Path.of(System.getProperty("chapkit.cli.root", "..")).resolve(document));

        Matcher matcher = EXAMPLE.matcher(text);
        int examples = 0;
        while (matcher.find()) {
            examples++;
            assertThat(matcher.group(2))
                    .as("%s: the example of %s", document, matcher.group(1))
                    .isEqualTo(Files.readString(project.resolve(matcher.group(1))));
        }
        assertThat(examples).as("marked examples in %s", document).isPositive();
    }
}
