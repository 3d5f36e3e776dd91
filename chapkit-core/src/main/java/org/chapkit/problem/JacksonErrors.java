package org.chapkit.problem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.DatabindException;

/** Turns Jackson's errors into the short, user-facing pieces of a problem: a field path and a one-line message. */
public final class JacksonErrors {

    private JacksonErrors() {}

    /** The dotted path of the value Jackson failed on, for example {@code data.items[2].name}; empty at the root. */
    public static String pathOf(DatabindException ex) {
        StringBuilder path = new StringBuilder();
        for (var ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The first line of a Jackson message (later lines hold source locations), or {@code fallback} when null, with
     * Java type names replaced by JSON ones ({@link #withoutJavaTypes}).
     */
    public static String firstLine(String message, String fallback) {
        if (message == null) {
            return fallback;
        }
        int newline = message.indexOf('\n');
        return withoutJavaTypes(newline < 0 ? message : message.substring(0, newline));
    }

    private static final Pattern QUOTED = Pattern.compile("`([^`]*)`");
    private static final Pattern TOKEN = Pattern.compile("\\s*\\(token `?JsonToken\\.[A-Z_]+`?\\)");
    private static final Pattern QUALIFIED =
            Pattern.compile("\\b(?:java|javax|jakarta|tools|com|org|sun|jdk)\\.[\\w.$]+(?:<[^>]*>)?");

    /**
     * {@code message} with every Java type name (which would tell a client how the service is built, and means nothing
     * to it) replaced by the JSON kind it stands for: {@code `java.util.ArrayList<java.lang.String>`} becomes
     * {@code an array}, {@code `org.chapkit.config.ConfigIn`} becomes {@code an object}.
     */
    public static String withoutJavaTypes(String message) {
        if (message == null) {
            return null;
        }
        String cleaned = TOKEN.matcher(message).replaceAll("");
        Matcher quoted = QUOTED.matcher(cleaned);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String inside = quoted.group(1);
            String replacement = looksLikeType(inside) ? jsonKind(inside) : quoted.group();
            quoted.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        quoted.appendTail(out);
        Matcher qualified = QUALIFIED.matcher(out.toString());
        StringBuilder result = new StringBuilder();
        while (qualified.find()) {
            qualified.appendReplacement(result, Matcher.quoteReplacement(jsonKind(qualified.group())));
        }
        qualified.appendTail(result);
        return result.toString();
    }

    private static boolean looksLikeType(String text) {
        return text.contains(".")
                || text.matches("(?:int|long|short|byte|double|float|boolean|char)(?:\\[])?")
                || text.startsWith("JsonToken");
    }

    private static String jsonKind(String type) {
        String base = type.replaceAll("<.*", "");
        String simple = base.substring(base.lastIndexOf('.') + 1);
        if (type.endsWith("[]") || simple.endsWith("List") || simple.endsWith("Set") || simple.equals("Collection")) {
            return "an array";
        }
        return switch (simple) {
            case "String", "char", "Character", "UUID", "URI", "VALUE_STRING" -> "a string";
            case "int", "long", "short", "byte", "Integer", "Long", "Short", "Byte", "BigInteger", "VALUE_NUMBER_INT" ->
                "an integer";
            case "double", "float", "Double", "Float", "BigDecimal", "Number", "VALUE_NUMBER_FLOAT" -> "a number";
            case "boolean", "Boolean", "VALUE_TRUE", "VALUE_FALSE" -> "a boolean";
            case "Instant", "OffsetDateTime", "LocalDateTime", "ZonedDateTime", "LocalDate" -> "a date-time string";
            case "Duration" -> "a duration string";
            case "START_ARRAY" -> "an array";
            case "VALUE_NULL" -> "null";
            default -> "an object";
        };
    }
}
