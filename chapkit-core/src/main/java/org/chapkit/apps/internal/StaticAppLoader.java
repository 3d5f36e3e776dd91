package org.chapkit.apps.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.apps.AppManifest;
import org.chapkit.apps.InvalidAppException;
import org.chapkit.apps.StaticApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads static apps from {@code file:} or {@code classpath:} locations and validates their manifests. */
public final class StaticAppLoader {

    private static final Logger log = LoggerFactory.getLogger(StaticAppLoader.class);

    private final ResourcePatternResolver resolver;
    private final JsonMapper manifestMapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public StaticAppLoader(ResourceLoader resourceLoader) {
        this.resolver = new PathMatchingResourcePatternResolver(resourceLoader);
    }

    /**
     * Loads the app whose {@code manifest.json} sits directly in {@code location}.
     *
     * @param location for example {@code classpath:static/console/} or {@code file:/srv/apps/dashboard/}
     * @param prefixOverride a prefix replacing the manifest's, or null
     * @throws InvalidAppException when the manifest is missing or invalid, or the entry file does not exist
     */
    public StaticApp load(String location, String prefixOverride) {
        if (location.contains("..")) {
            throw new InvalidAppException("app location must not contain '..': " + location);
        }
        Resource directory = resolver.getResource(location.endsWith("/") ? location : location + "/");
        try {
            Resource manifestFile = directory.createRelative("manifest.json");
            if (!manifestFile.exists()) {
                throw new InvalidAppException("no manifest.json in app location " + location);
            }
            AppManifest manifest;
            try (InputStream in = manifestFile.getInputStream()) {
                manifest = manifestMapper.readValue(in, AppManifest.class);
            } catch (JacksonException ex) {
                throw new InvalidAppException("invalid manifest.json in " + location + ": " + rootMessage(ex), ex);
            }
            if (prefixOverride != null && !prefixOverride.isBlank()) {
                manifest = manifest.withPrefix(prefixOverride);
            }
            if (!directory.createRelative(manifest.entry()).exists()) {
                throw new InvalidAppException("entry file '" + manifest.entry() + "' not found in " + location);
            }
            return new StaticApp(manifest, directory, directory instanceof ClassPathResource);
        } catch (IOException ex) {
            throw new InvalidAppException("cannot read app location " + location + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Loads every direct sub-directory of {@code parentLocation} that has a {@code manifest.json}. Invalid apps are
     * logged and skipped, as servicekit's {@code with_apps} does.
     */
    public List<StaticApp> discover(String parentLocation) {
        String base = parentLocation.endsWith("/") ? parentLocation : parentLocation + "/";
        List<StaticApp> apps = new ArrayList<>();
        try {
            for (Resource manifest : resolver.getResources(base + "*/manifest.json")) {
                String appLocation = manifest.getURL().toString().replaceFirst("manifest\\.json$", "");
                try {
                    apps.add(load(appLocation, null));
                } catch (InvalidAppException ex) {
                    log.warn("Skipping static app in {}: {}", appLocation, ex.getMessage());
                }
            }
        } catch (IOException ex) {
            log.warn("Cannot list static apps in {}: {}", parentLocation, ex.getMessage());
        }
        return apps;
    }

    private static String rootMessage(JacksonException ex) {
        String message = ex.getOriginalMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}
