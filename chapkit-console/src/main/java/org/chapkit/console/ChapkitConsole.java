package org.chapkit.console;

/**
 * Where the web console's files are on the class path. The starter serves the console when this class is present
 * (add {@code chapkit-console} as a dependency) and {@code chapkit.console.enabled} is not {@code false}.
 */
public final class ChapkitConsole {

    /** The console app: its {@code manifest.json} mounts it at {@value #PREFIX}. */
    public static final String APP_LOCATION = "classpath:org/chapkit/console/app/";

    /** A one-file app for {@code /} that sends the browser on to the console with a relative link. */
    public static final String ROOT_LOCATION = "classpath:org/chapkit/console/root/";

    /** The URL prefix of the console, relative to the servlet context path. */
    public static final String PREFIX = "/console";

    private ChapkitConsole() {}
}
