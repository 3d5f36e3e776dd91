package org.chapkit.apps.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chapkit.apps.AppInfo;
import org.chapkit.apps.AppManifest;
import org.chapkit.apps.InvalidAppException;
import org.chapkit.apps.StaticApp;
import org.chapkit.apps.StaticAppRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class StaticAppLoaderTests {

    @TempDir
    Path dir;

    private final StaticAppLoader loader = new StaticAppLoader(new DefaultResourceLoader());

    @Test
    void loadsAFileSystemAppAndAppliesAPrefixOverride() throws IOException {
        write("manifest.json", "{\"name\":\"A\",\"version\":\"1\",\"prefix\":\"/a\",\"author\":\"me\"}");
        write("index.html", "<html/>");
        StaticApp app = loader.load(dir.toUri().toString(), "/b");
        assertThat(app.manifest().prefix()).isEqualTo("/b");
        assertThat(app.isPackage()).isFalse();
        assertThat(app.info().author()).isEqualTo("me");
    }

    @Test
    void unknownManifestKeysAreRefused() throws IOException {
        write("manifest.json", "{\"name\":\"A\",\"version\":\"1\",\"prefix\":\"/a\",\"extra\":1}");
        write("index.html", "<html/>");
        assertThatThrownBy(() -> loader.load(dir.toUri().toString(), null))
                .isInstanceOf(InvalidAppException.class)
                .hasMessageContaining("extra");
    }

    @Test
    void missingManifestOrEntryIsRefused() throws IOException {
        assertThatThrownBy(() -> loader.load(dir.toUri().toString(), null)).hasMessageContaining("no manifest.json");
        write("manifest.json", "{\"name\":\"A\",\"version\":\"1\",\"prefix\":\"/a\",\"entry\":\"main.html\"}");
        assertThatThrownBy(() -> loader.load(dir.toUri().toString(), null)).hasMessageContaining("main.html");
    }

    @Test
    void locationsWithDotDotAreRefused() {
        assertThatThrownBy(() -> loader.load("classpath:org/chapkit/../secret/", null))
                .hasMessageContaining("..");
    }

    @Test
    void classPathAppsArePackages() {
        StaticApp landing = loader.load("classpath:org/chapkit/apps/landing/", null);
        assertThat(landing.isPackage()).isTrue();
        assertThat(landing.manifest().prefix()).isEqualTo("/");
    }

    @Test
    void registryLetsTheLastAppWinAPrefixAndOrdersRootLast() {
        StaticApp landing = loader.load("classpath:org/chapkit/apps/landing/", null);
        StaticApp a = new StaticApp(new AppManifest("A", "1", "/x", null, null, null), null, false);
        StaticApp b = new StaticApp(new AppManifest("B", "1", "/x", null, null, null), null, false);
        StaticApp longer = new StaticApp(new AppManifest("C", "1", "/x/deeper", null, null, null), null, false);
        StaticAppRegistry registry = new StaticAppRegistry(java.util.List.of(a, b, longer), landing);
        assertThat(registry.appInfos()).extracting(AppInfo::name).containsExactly("C", "B", "Chapkit Landing Page");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
