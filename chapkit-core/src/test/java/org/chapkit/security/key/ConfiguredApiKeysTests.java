package org.chapkit.security.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chapkit.security.access.Caller;
import org.chapkit.security.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** servicekit's key sources: a list, a key file and a comma-separated variable. */
class ConfiguredApiKeysTests {

    @TempDir
    Path dir;

    @Test
    void aKeyFileIgnoresCommentsAndBlankLines() throws IOException {
        Path file = Files.writeString(
                dir.resolve("keys"), "# ops keys\n\n  first-key-0123456789  \n#x\nsecond-key-abcdef\n");
        List<ConfiguredApiKey> keys = ConfiguredApiKeys.fromFile(file, Role.ADMIN);
        assertThat(keys)
                .extracting(ConfiguredApiKey::secret)
                .containsExactly("first-key-0123456789", "second-key-abcdef");
        assertThat(keys).extracting(ConfiguredApiKey::name).containsExactly("file-1", "file-2");
    }

    @Test
    void aMissingKeyFileIsAnError() {
        assertThatThrownBy(() -> ConfiguredApiKeys.fromFile(dir.resolve("absent"), Role.ADMIN))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("absent");
    }

    @Test
    void anEnvironmentValueIsCommaSeparatedAndTrimmed() {
        assertThat(ConfiguredApiKeys.fromCommaSeparated(" a-key-0123456789 ,, b-key-0123456789", "env", Role.VIEWER))
                .extracting(ConfiguredApiKey::secret)
                .containsExactly("a-key-0123456789", "b-key-0123456789");
        assertThat(ConfiguredApiKeys.fromCommaSeparated(null, "env", Role.VIEWER))
                .isEmpty();
    }

    @Test
    void verificationGivesTheNameAndRoleAndAShortPrefixOnly() {
        ConfiguredApiKeys keys = new ConfiguredApiKeys(
                List.of(new ConfiguredApiKey("dashboard", "dash-key-0123456789abcdef", Role.VIEWER)));
        assertThat(keys.verify("dash-key-0123456789abcdef")).hasValueSatisfying(key -> {
            assertThat(key.subject()).isEqualTo("dashboard");
            assertThat(key.role()).isEqualTo(Role.VIEWER);
            assertThat(key.prefix()).isEqualTo("dash-ke");
        });
        assertThat(keys.verify("dash-key-0123456789abcdeF")).isEmpty();
        assertThat(Caller.prefixOf("short")).hasSize(2);
        assertThat(new ConfiguredApiKey("n", "secret-value", Role.ADMIN).toString())
                .doesNotContain("secret-value");
    }
}
