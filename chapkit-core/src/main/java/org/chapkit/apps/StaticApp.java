package org.chapkit.apps;

import org.springframework.core.io.Resource;

/**
 * A static app ready to mount: its manifest and the directory (file system or class path) its files come from.
 *
 * @param manifest the validated manifest
 * @param location the directory holding {@code manifest.json} and the app's files; ends with {@code /}
 * @param isPackage whether the files come from the class path
 */
public record StaticApp(AppManifest manifest, Resource location, boolean isPackage) {

    /** This app as listed by {@code /api/v1/system/apps}. */
    public AppInfo info() {
        return new AppInfo(
                manifest.name(),
                manifest.version(),
                manifest.prefix(),
                manifest.description(),
                manifest.author(),
                manifest.entry(),
                isPackage);
    }
}
