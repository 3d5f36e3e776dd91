package org.chapkit.autoconfigure.diagnostics;

/** The application runs on a Spring Boot older than the line chapkit supports. */
public class UnsupportedSpringBootVersionException extends IllegalStateException {

    private final String version;

    /**
     * An unsupported Spring Boot.
     *
     * @param version the Spring Boot version found on the class path
     */
    public UnsupportedSpringBootVersionException(String version) {
        super("Chapkit for Java needs Spring Boot " + SpringBootVersionGuard.SUPPORTED + ", found " + version);
        this.version = version;
    }

    /**
     * The Spring Boot version found.
     *
     * @return for example {@code 4.0.0}
     */
    public String version() {
        return version;
    }
}
