package org.chapkit.security.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chapkit.security.access.Caller;
import org.chapkit.security.access.Role;

/**
 * The API keys of the configuration, servicekit-style: a direct list, a key file (one key per line, {@code #}
 * comments and blank lines ignored) and a comma-separated environment variable. A presented key is compared with
 * <em>every</em> configured key through {@link KeyDigest#matches}, so neither the position of a match nor the
 * length of a common prefix shows in the time taken.
 */
public final class ConfiguredApiKeys {

    private final List<Entry> entries;

    private record Entry(ConfiguredApiKey key, byte[] digest) {}

    public ConfiguredApiKeys(List<ConfiguredApiKey> keys) {
        this.entries =
                keys.stream().map(k -> new Entry(k, KeyDigest.of(k.secret()))).toList();
    }

    /** Number of configured keys. */
    public int size() {
        return entries.size();
    }

    /** The key whose secret is {@code presented}, if any; every configured key is compared. */
    public Optional<VerifiedKey> verify(String presented) {
        byte[] digest = KeyDigest.of(presented);
        ConfiguredApiKey found = null;
        for (Entry entry : entries) {
            if (KeyDigest.matches(entry.digest(), digest) && found == null) {
                found = entry.key();
            }
        }
        return Optional.ofNullable(found)
                .map(key -> new VerifiedKey(key.name(), Caller.prefixOf(presented), key.role()));
    }

    /** Keys named {@code key-1}, {@code key-2} … from a direct list, each with {@code role}. */
    public static List<ConfiguredApiKey> fromList(List<String> secrets, String source, Role role) {
        List<ConfiguredApiKey> keys = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                keys.add(new ConfiguredApiKey(source + "-" + (keys.size() + 1), secret.trim(), role));
            }
        }
        return keys;
    }

    /** Keys of a comma-separated value such as servicekit's {@code SERVICEKIT_API_KEYS}. */
    public static List<ConfiguredApiKey> fromCommaSeparated(String value, String source, Role role) {
        return value == null ? List.of() : fromList(List.of(value.split(",")), source, role);
    }

    /**
     * Keys of a key file: one key per line, blank lines and lines starting with {@code #} ignored.
     *
     * @throws UncheckedIOException when the file cannot be read (a missing file is an error, as in servicekit)
     */
    public static List<ConfiguredApiKey> fromFile(Path file, Role role) {
        try {
            List<String> lines = Files.readAllLines(file).stream()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
            return fromList(lines, "file", role);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the API key file " + file, ex);
        }
    }
}
