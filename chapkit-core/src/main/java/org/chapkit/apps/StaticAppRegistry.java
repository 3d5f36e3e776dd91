package org.chapkit.apps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The static apps this service mounts, one per prefix. When two apps claim a prefix the later one wins with a
 * warning (servicekit's rule). Apps are ordered longest prefix first so that {@code /} is matched last.
 */
public final class StaticAppRegistry {

    private static final Logger log = LoggerFactory.getLogger(StaticAppRegistry.class);

    private final List<StaticApp> apps;

    /**
     * @param apps apps in registration order
     * @param fallbackRoot app mounted at {@code /} when no other app takes it (the landing page), or null
     */
    public StaticAppRegistry(List<StaticApp> apps, StaticApp fallbackRoot) {
        Map<String, StaticApp> byPrefix = new LinkedHashMap<>();
        for (StaticApp app : apps) {
            StaticApp previous = byPrefix.put(app.manifest().prefix(), app);
            if (previous != null) {
                log.warn(
                        "Static app '{}' replaces '{}' at prefix {}",
                        app.manifest().name(),
                        previous.manifest().name(),
                        app.manifest().prefix());
            }
        }
        if (fallbackRoot != null) {
            byPrefix.putIfAbsent("/", fallbackRoot);
        }
        List<StaticApp> ordered = new ArrayList<>(byPrefix.values());
        ordered.sort(
                Comparator.comparingInt((StaticApp a) -> a.manifest().prefix().length())
                        .reversed());
        this.apps = List.copyOf(ordered);
    }

    /** Mounted apps, longest prefix first. */
    public List<StaticApp> apps() {
        return apps;
    }

    /** The apps as listed by {@code /api/v1/system/apps}. */
    public List<AppInfo> appInfos() {
        return apps.stream().map(StaticApp::info).toList();
    }
}
