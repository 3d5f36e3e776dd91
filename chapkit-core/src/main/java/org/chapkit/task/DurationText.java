package org.chapkit.task;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations written in annotations and requests: {@code 500ms, 30s, 5m, 1h, 2d} or ISO-8601. */
public final class DurationText {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private DurationText() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException when it is not a duration
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("p") || value.startsWith("-p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException(invalid(text), ex);
            }
        }
        Matcher matcher = SIMPLE.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(invalid(text));
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static String invalid(String text) {
        return "'" + text + "' is not a duration; write for example 30s, 5m, 1h or PT30S";
    }
}
