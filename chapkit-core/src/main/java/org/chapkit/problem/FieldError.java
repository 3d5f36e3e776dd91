package org.chapkit.problem;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * One invalid input field, listed in the {@code errors} extension of a problem response. Generation 1 renders it as
 * {@code {field, message}}; generation 2 as FastAPI's {@code {loc, type, msg}}, with {@code loc} built from
 * {@link #source()} and the path in {@link #field()}.
 *
 * @param field dotted path of the field (for example {@code data.prediction_periods} or {@code tags[1]})
 * @param message what is wrong with it
 * @param source where the field was sent
 * @param type a FastAPI-style error type such as {@code missing} or {@code value_error}
 */
public record FieldError(
        String field,
        String message,
        @JsonIgnore Source source,
        @JsonIgnore String type) {

    /** A field of the request body; the type is {@code missing} for "is required" messages, else {@code value_error}. */
    public FieldError(String field, String message) {
        this(field, message, Source.BODY, typeOf(message));
    }

    public FieldError {
        source = source == null ? Source.BODY : source;
        type = type == null ? typeOf(message) : type;
    }

    /** A query parameter. */
    public static FieldError query(String name, String message) {
        return new FieldError(name, message, Source.QUERY, typeOf(message));
    }

    /** A path parameter. */
    public static FieldError path(String name, String message) {
        return new FieldError(name, message, Source.PATH, typeOf(message));
    }

    /** A request header. */
    public static FieldError header(String name, String message) {
        return new FieldError(name, message, Source.HEADER, typeOf(message));
    }

    /**
     * The FastAPI {@code loc} of this field: the source, then each path segment, list indexes as numbers; for
     * example {@code ["body", "tags", 1]}.
     */
    public List<Object> loc() {
        List<Object> loc = new ArrayList<>();
        loc.add(source.wireName());
        if (field == null || field.isEmpty()) {
            return loc;
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '.' || c == '[') {
                flush(name, loc);
                if (c == '[') {
                    int end = field.indexOf(']', i);
                    String index = field.substring(i + 1, end < 0 ? field.length() : end);
                    loc.add(
                            index.chars().allMatch(Character::isDigit) && !index.isEmpty()
                                    ? (Object) Integer.valueOf(index)
                                    : index);
                    i = end < 0 ? field.length() : end;
                }
            } else {
                name.append(c);
            }
        }
        flush(name, loc);
        return loc;
    }

    private static void flush(StringBuilder name, List<Object> loc) {
        if (!name.isEmpty()) {
            loc.add(name.toString());
            name.setLength(0);
        }
    }

    private static String typeOf(String message) {
        return message != null && message.startsWith("is required") ? "missing" : "value_error";
    }

    /** Where an invalid field was sent, the first element of a FastAPI {@code loc}. */
    public enum Source {
        BODY("body"),
        QUERY("query"),
        PATH("path"),
        HEADER("header");

        private final String wireName;

        Source(String wireName) {
            this.wireName = wireName;
        }

        /** The name in {@code loc}. */
        public String wireName() {
            return wireName;
        }
    }
}
