package org.chapkit.ml.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A train or predict command, split once into argv tokens, with chapkit's {@code {placeholder}} syntax.
 *
 * <p>Splitting follows POSIX shell quoting (whitespace separates; {@code '…'} is literal; {@code "…"} and a
 * backslash escape {@code "} and {@code \}) but nothing is ever expanded or interpreted: {@code ;}, {@code |},
 * {@code $(…)}, {@code *} are plain characters of an argument. Placeholders follow Python's {@code str.format}
 * ({@code {{} and {@code }}} are literal braces) and are substituted inside each token with fixed file names only.
 * An unquoted token that is exactly a placeholder rendering empty (e.g. {@code {geo_file}} without geo) is
 * dropped, as an empty unquoted expansion is in a shell.
 *
 * <p>In shell mode ({@link #parseShell}) the whole command, placeholders substituted, is run by {@code /bin/sh -c}.
 */
public final class CommandTemplate {

    private final String source;
    private final List<Token> tokens;
    private final boolean shell;

    private CommandTemplate(String source, List<Token> tokens, boolean shell) {
        this.source = source;
        this.tokens = tokens;
        this.shell = shell;
    }

    /**
     * Parses a command that runs through {@code /bin/sh -c}, as chapkit runs every command, so it may use
     * {@code &&}, {@code |}, {@code >} and {@code $VAR}. Only placeholders are substituted, with the fixed file names
     * of the workspace; config and data values live in files and never reach the command line, so they cannot inject
     * shell syntax.
     *
     * @param command the command, e.g. {@code Rscript train.R {data_file} > train.log 2>&1}
     * @param placeholders the placeholder names this command may use
     * @return the template
     * @throws IllegalArgumentException for unbalanced braces, an unknown placeholder or an empty command
     */
    public static CommandTemplate parseShell(String command, Set<String> placeholders) {
        Objects.requireNonNull(command, "command");
        if (command.isBlank()) {
            throw new IllegalArgumentException("The command is empty");
        }
        Token whole = new Token(segments(command, command), true);
        check(command, List.of(whole), placeholders);
        return new CommandTemplate(command, List.of(whole), true);
    }

    /** Whether the command runs through {@code /bin/sh -c}. */
    public boolean shell() {
        return shell;
    }

    /**
     * Parses a command.
     *
     * @param command the command, e.g. {@code python scripts/train.py --data {data_file}}
     * @param placeholders the placeholder names this command may use
     * @return the template
     * @throws IllegalArgumentException for unbalanced quotes or braces, an unknown placeholder or an empty command
     */
    public static CommandTemplate parse(String command, Set<String> placeholders) {
        Objects.requireNonNull(command, "command");
        List<Token> tokens = tokenize(command);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("The command is empty");
        }
        check(command, tokens, placeholders);
        return new CommandTemplate(command, List.copyOf(tokens), false);
    }

    private static void check(String command, List<Token> tokens, Set<String> placeholders) {
        for (Token token : tokens) {
            for (Segment segment : token.segments()) {
                if (segment.placeholder() && !placeholders.contains(segment.text())) {
                    throw new IllegalArgumentException(
                            "Unknown placeholder {" + segment.text() + "} in command '" + command + "'; available: "
                                    + placeholders.stream().sorted().toList());
                }
            }
        }
    }

    /**
     * Renders the argv list.
     *
     * @param values the value of each placeholder
     * @return the arguments, program first
     */
    public List<String> render(Map<String, String> values) {
        List<String> argv = new ArrayList<>();
        if (shell) {
            StringBuilder script = new StringBuilder();
            for (Segment segment : tokens.getFirst().segments()) {
                script.append(segment.placeholder() ? values.getOrDefault(segment.text(), "") : segment.text());
            }
            return List.of("/bin/sh", "-c", script.toString());
        }
        for (Token token : tokens) {
            StringBuilder arg = new StringBuilder();
            for (Segment segment : token.segments()) {
                arg.append(segment.placeholder() ? values.getOrDefault(segment.text(), "") : segment.text());
            }
            boolean lonePlaceholder =
                    token.segments().size() == 1 && token.segments().getFirst().placeholder();
            if (!arg.isEmpty() || token.quoted() || !lonePlaceholder) {
                argv.add(arg.toString());
            }
        }
        return argv;
    }

    @Override
    public String toString() {
        return source;
    }

    private record Segment(String text, boolean placeholder) {}

    private record Token(List<Segment> segments, boolean quoted) {}

    private static List<Token> tokenize(String command) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder raw = null; // the token's text with quoting removed, placeholders still in braces
        boolean quoted = false;
        int i = 0;
        while (i < command.length()) {
            char c = command.charAt(i);
            if (Character.isWhitespace(c)) {
                if (raw != null) {
                    tokens.add(new Token(segments(raw.toString(), command), quoted));
                    raw = null;
                    quoted = false;
                }
                i++;
                continue;
            }
            if (raw == null) {
                raw = new StringBuilder();
            }
            if (c == '\'') {
                int end = command.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("Unclosed ' in command '" + command + "'");
                }
                raw.append(command, i + 1, end);
                quoted = true;
                i = end + 1;
            } else if (c == '"') {
                quoted = true;
                i++;
                while (true) {
                    if (i >= command.length()) {
                        throw new IllegalArgumentException("Unclosed \" in command '" + command + "'");
                    }
                    char d = command.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
                        raw.append(command.charAt(i + 1));
                        i += 2;
                    } else {
                        raw.append(d);
                        i++;
                    }
                }
            } else if (c == '\\' && i + 1 < command.length()) {
                raw.append(command.charAt(i + 1));
                i += 2;
            } else {
                raw.append(c);
                i++;
            }
        }
        if (raw != null) {
            tokens.add(new Token(segments(raw.toString(), command), quoted));
        }
        return tokens;
    }

    /** Python {@code str.format} parsing of one token into literal text and placeholder names. */
    private static List<Segment> segments(String token, String command) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < token.length()) {
            char c = token.charAt(i);
            if (c == '{' && i + 1 < token.length() && token.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < token.length() && token.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '{') {
                int end = token.indexOf('}', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("Unclosed { in command '" + command + "'");
                }
                if (!literal.isEmpty()) {
                    segments.add(new Segment(literal.toString(), false));
                    literal.setLength(0);
                }
                segments.add(new Segment(token.substring(i + 1, end), true));
                i = end + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("Single } in command '" + command + "' (write }} for a brace)");
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty() || segments.isEmpty()) {
            segments.add(new Segment(literal.toString(), false));
        }
        return segments;
    }
}
