package org.chapkit.benchmarks.harness;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every suite of one run shares.
 *
 * @param jdbcUrl the PostgreSQL JDBC URL, user included as a {@code user=} parameter
 * @param home the directory of {@code benchmarks.jar} (holds {@code lib/} and {@code apps/})
 * @param workDir a scratch directory of this run (extracted apps, child process logs)
 * @param options {@code --name=value} options from the command line
 */
public record HarnessContext(String jdbcUrl, Path home, Path workDir, Map<String, String> options) {

    /** An integer option, or the default. */
    public int intOption(String name, int defaultValue) {
        String value = options.get(name);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    /** The database user named in the URL ({@code postgres} when none). */
    public String jdbcUser() {
        String query = URI.create(jdbcUrl.substring("jdbc:".length())).getQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("user=")) {
                    return parameter.substring("user=".length());
                }
            }
        }
        return "postgres";
    }

    /** The {@code java} launcher running this harness, used for every child JVM. */
    public String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** A tool of the same JDK ({@code jcmd}). */
    public String jdkTool(String name) {
        return Path.of(javaCommand()).resolveSibling(name).toString();
    }

    /** Spring Boot arguments that point an app at this run's database. */
    public String[] datasourceArgs() {
        return new String[] {
            "--spring.datasource.url=" + jdbcUrl,
            "--spring.datasource.username=" + jdbcUser(),
            "--spring.datasource.password="
        };
    }
}
