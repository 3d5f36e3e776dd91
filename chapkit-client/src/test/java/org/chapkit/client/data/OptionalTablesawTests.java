package org.chapkit.client.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.chapkit.client.ChapkitClient;
import org.junit.jupiter.api.Test;

/** Tablesaw stays optional: only the adapter package refers to it, so users without Tablesaw never load it. */
class OptionalTablesawTests {

    @Test
    void onlyTheAdapterPackageReferencesTablesaw() throws Exception {
        Path classes = Path.of(ChapkitClient.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> referencing;
        try (Stream<Path> files = Files.walk(classes)) {
            referencing = files.filter(file -> file.toString().endsWith(".class"))
                    .filter(OptionalTablesawTests::mentionsTablesaw)
                    .map(file -> classes.relativize(file).toString())
                    .toList();
        }
        assertThat(referencing)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith("org/chapkit/client/data/tablesaw/"));
    }

    private static boolean mentionsTablesaw(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("tech/tablesaw/");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
