package org.chapkit.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of chapkit for Java, as built (reported as {@code chapkit_version} in generation 2's info). */
public final class ChapkitVersion {

    private static final String RESOURCE = "chapkit-version.properties";

    private ChapkitVersion() {}

    /** The version, for example {@code 0.1.0-SNAPSHOT}; null when the build did not record it. */
    public static String current() {
        try (InputStream in = ChapkitVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            return version == null || version.isBlank() || version.startsWith("${") ? null : version;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
        }
    }
}
