package org.chapkit.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceKeySourceTests {

    private static final List<String> VARIABLES = List.of("CHAPKIT_REGISTRATION_KEY", "SERVICEKIT_REGISTRATION_KEY");

    @Test
    void firstSetVariableWinsAndBlankCountsAsUnset() {
        Map<String, String> env = Map.of("CHAPKIT_REGISTRATION_KEY", "  ", "SERVICEKIT_REGISTRATION_KEY", "s3cret");
        assertThat(ServiceKeySource.of(null, VARIABLES, env::get).current()).hasValue("s3cret");
        assertThat(ServiceKeySource.of(null, VARIABLES, name -> null).current()).isEmpty();
    }

    @Test
    void secretFileWinsOverTheEnvironmentAndIsReadOnEveryCall(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("key"), "from-file\n");
        ServiceKeySource source = ServiceKeySource.of(file, VARIABLES, name -> "from-env");
        assertThat(source.current()).hasValue("from-file");
        Files.writeString(file, "rotated");
        assertThat(source.current()).hasValue("rotated");
    }

    @Test
    void neverShowsTheKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("key"), "top-secret-value");
        assertThat(ServiceKeySource.of(file, VARIABLES, name -> null).toString())
                .contains(file.toString())
                .doesNotContain("top-secret-value");
        assertThat(ServiceKeySource.of(null, VARIABLES, name -> "top-secret-value")
                        .toString())
                .contains("CHAPKIT_REGISTRATION_KEY")
                .doesNotContain("top-secret-value");
    }

    @Test
    void unreadableFileNamesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("absent");
        assertThatThrownBy(() ->
                        ServiceKeySource.of(missing, VARIABLES, name -> null).current())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("NoSuchFileException");
    }
}
