package org.chapkit.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppManifestTests {

    @Test
    void prefixIsNormalisedAndEntryDefaultsToIndexHtml() {
        AppManifest manifest = new AppManifest("A", "1", "/dash/", null, null, null);
        assertThat(manifest.prefix()).isEqualTo("/dash");
        assertThat(manifest.entry()).isEqualTo("index.html");
        assertThat(new AppManifest("A", "1", "/", null, null, "app/main.html").prefix())
                .isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "/api", "/api/", "/api/v2", "/a/../b", "/a\\b", "/a//b", "/a b", "/a?x"})
    void invalidPrefixesAreRefused(String prefix) {
        assertThatThrownBy(() -> new AppManifest("A", "1", prefix, null, null, null))
                .isInstanceOf(InvalidAppException.class)
                .hasMessageContaining("prefix");
    }

    @Test
    void apiLookalikePrefixesAreAllowed() {
        assertThat(new AppManifest("A", "1", "/apis", null, null, null).prefix())
                .isEqualTo("/apis");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../index.html", "/etc/passwd", "a/../../b.html", "./x.html", "c:\\x.html", "a//b"})
    void invalidEntriesAreRefused(String entry) {
        assertThatThrownBy(() -> new AppManifest("A", "1", "/x", null, null, entry))
                .isInstanceOf(InvalidAppException.class)
                .hasMessageContaining("entry");
    }

    @Test
    void nameAndVersionAreRequired() {
        assertThatThrownBy(() -> new AppManifest(null, "1", "/x", null, null, null))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> new AppManifest("A", " ", "/x", null, null, null))
                .hasMessageContaining("version");
    }
}
