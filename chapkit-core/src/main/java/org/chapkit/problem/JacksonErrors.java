package org.chapkit.problem;

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
     * Java type names shortened to their simple names and Jackson's token names left out, so no package or class of
     * the implementation reaches a client.
     */
    public static String firstLine(String message, String fallback) {
        if (message == null) {
            return fallback;
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return QUALIFIED.matcher(TOKEN.matcher(line).replaceAll("")).replaceAll("$1");
    }

    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("\\s*\\(token `[^`]*`\\)");
    private static final java.util.regex.Pattern QUALIFIED =
            java.util.regex.Pattern.compile("`?(?:[a-z_][A-Za-z0-9_]*\\.)+([A-Z][A-Za-z0-9_]*)(?:\\$[A-Za-z0-9_]+)*`?");
}
