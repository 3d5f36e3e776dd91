package org.chapkit.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the memory and threads of a child JVM: heap after a full GC through {@code jcmd}, RSS and threads from /proc. */
public final class JvmProbe {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private JvmProbe() {}

    /** Runs a full GC in the JVM ({@code jcmd GC.run}) and returns its used heap afterwards ({@code GC.heap_info}). */
    public static long heapAfterGcKib(HarnessContext context, long pid) throws IOException, InterruptedException {
        jcmd(context, pid, "GC.run");
        String info = jcmd(context, pid, "GC.heap_info");
        Matcher matcher = HEAP_USED.matcher(info);
        if (!matcher.find()) {
            throw new IllegalStateException("Unexpected GC.heap_info output: " + info);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The process's resident set size. */
    public static long rssKib(long pid) throws IOException {
        return procStatus(pid, "VmRSS:");
    }

    /** The process's thread count. */
    public static long threadCount(long pid) throws IOException {
        return procStatus(pid, "Threads:");
    }

    private static String jcmd(HarnessContext context, long pid, String command)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(context.jdkTool("jcmd"), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static long procStatus(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No " + field + " for " + pid);
    }
}
