package org.chapkit.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the {@code X-Service-Key} comes from: a secret file, or else the first set environment variable of a list.
 * The key is read afresh for every request (so a rotated secret file is picked up without a restart) and is never
 * part of {@link #toString()}, an exception message or a log line.
 */
public final class ServiceKeySource {

    private final Path file;
    private final List<String> variables;
    private final UnaryOperator<String> environment;

    private ServiceKeySource(Path file, List<String> variables, UnaryOperator<String> environment) {
        this.file = file;
        this.variables = List.copyOf(variables);
        this.environment = environment;
    }

    /**
     * A key read from {@code file} when it is given, else from the first of {@code variables} that is set.
     *
     * @param file secret file holding the key (surrounding whitespace is ignored), or null
     * @param variables names of environment variables to try in order
     * @param environment looks up an environment variable ({@code System::getenv} in production)
     */
    public static ServiceKeySource of(Path file, List<String> variables, UnaryOperator<String> environment) {
        return new ServiceKeySource(file, variables, environment);
    }

    /**
     * The key to send now, if any.
     *
     * @throws UncheckedIOException when the configured secret file cannot be read (the message names the file only)
     */
    public Optional<String> current() {
        if (file != null) {
            try {
                return nonBlank(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException ex) {
                throw new UncheckedIOException(
                        "Cannot read the registration key file " + file + " ("
                                + ex.getClass().getSimpleName() + ")",
                        ex);
            }
        }
        for (String variable : variables) {
            Optional<String> value = nonBlank(environment.apply(variable));
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    @Override
    public String toString() {
        return file != null ? "key file " + file : "key from environment " + variables;
    }
}
