package org.chapkit.autoconfigure.diagnostics;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops start-up before any bean exists when Spring Boot is older than the supported line: on an older Boot the
 * starter compiles but fails later with a {@code NoSuchMethodError} deep in a stack trace. {@link
 * UnsupportedSpringBootVersionFailureAnalyzer} reports it in one paragraph.
 */
public final class SpringBootVersionGuard implements EnvironmentPostProcessor, Ordered {

    /** The supported Spring Boot versions, as shown to users. */
    public static final String SUPPORTED = "4.1.x (4.1.0 or newer; built and tested with 4.1.2)";

    static final int MAJOR = 4;
    static final int MINOR = 1;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        check(SpringBootVersion.getVersion());
    }

    /**
     * Fails for a Spring Boot older than {@value #MAJOR}.{@value #MINOR}; an unknown version (no manifest, as in some
     * shaded jars) passes.
     *
     * @param version the Spring Boot version, may be null
     * @throws UnsupportedSpringBootVersionException when it is older than the supported line
     */
    static void check(String version) {
        if (version == null || version.isBlank()) {
            return;
        }
        String[] parts = version.split("[.\\-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            if (major < MAJOR || (major == MAJOR && minor < MINOR)) {
                throw new UnsupportedSpringBootVersionException(version);
            }
        } catch (NumberFormatException ex) {
            // a version scheme we do not know: let start-up go on rather than guess
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
