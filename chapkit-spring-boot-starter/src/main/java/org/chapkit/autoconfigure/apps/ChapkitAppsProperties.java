package org.chapkit.autoconfigure.apps;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Static apps served next to the API.
 *
 * @param enabled whether static apps (and the landing page) are served at all
 * @param landingPage whether the built-in landing page takes {@code /} when no app does
 * @param apps single apps: a location holding {@code manifest.json}, optionally mounted at another prefix
 * @param directories parent locations whose sub-directories with a {@code manifest.json} are each mounted
 */
@ConfigurationProperties("chapkit.apps")
public record ChapkitAppsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("true") boolean landingPage,
        @DefaultValue List<App> apps,
        @DefaultValue List<String> directories) {

    /**
     * One static app.
     *
     * @param location {@code classpath:} or {@code file:} directory holding {@code manifest.json}
     * @param prefix mount prefix replacing the manifest's, or empty to keep it
     */
    public record App(String location, String prefix) {}
}
