package org.chapkit.ml.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Starting commands in their own process group and killing whole trees. On Linux a command starts under
 * {@code setsid}, so it and everything it forks share a process group, even children that were re-parented when
 * their parent exited (double-forked daemons); a kill then takes the descendants ({@link ProcessHandle}) and every
 * other member of the group ({@code /proc}). Elsewhere only the descendants are found.
 */
final class ProcessTree {

    private static final Path PROC = Path.of("/proc");
    private static final Optional<Path> SETSID = Stream.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"))
            .filter(Files::isExecutable)
            .findFirst()
            .filter(path -> Files.isDirectory(PROC));

    private ProcessTree() {}

    /**
     * The argv that starts {@code argv} in a new session and process group, when this system can and the program
     * exists (so that a missing program still fails to start with the JVM's own error).
     */
    static List<String> inOwnGroup(List<String> argv, Path workingDirectory) {
        if (SETSID.isEmpty() || argv.isEmpty() || !resolvable(argv.getFirst(), workingDirectory)) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>(argv.size() + 1);
        wrapped.add(SETSID.get().toString());
        wrapped.addAll(argv);
        return wrapped;
    }

    /** Kills {@code root}, its descendants and the members of its process group, then waits for the root to end. */
    static void kill(ProcessHandle root) {
        Set<ProcessHandle> victims = new LinkedHashSet<>(root.descendants().toList());
        // setsid exec()s the command, so the root's pid is the group id of everything it started
        victims.addAll(groupMembers(root.pid()));
        root.destroyForcibly(); // first, so it cannot start new children
        for (ProcessHandle victim : victims) {
            List<ProcessHandle> children = victim.descendants().toList();
            victim.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
        groupMembers(root.pid()).forEach(ProcessHandle::destroyForcibly); // forked while we were killing
        root.onExit().join();
    }

    /** The live process with {@code pid} if it is still the one that started at {@code startMillis}. */
    static Optional<ProcessHandle> same(long pid, long startMillis) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .startInstant()
                        .map(start -> Math.abs(start.toEpochMilli() - startMillis) < 2000)
                        .orElse(false));
    }

    /** When the process started, in epoch milliseconds, or -1 when the system does not tell. */
    static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
    }

    private static List<ProcessHandle> groupMembers(long groupId) {
        if (!Files.isDirectory(PROC)) {
            return List.of();
        }
        List<ProcessHandle> members = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || processGroup(entry) != groupId) {
                    continue;
                }
                ProcessHandle.of(Long.parseLong(name)).ifPresent(members::add);
            }
        } catch (IOException ex) {
            return members; // /proc changes while it is listed; the descendants are killed anyway
        }
        return members;
    }

    private static long processGroup(Path procEntry) {
        try {
            String stat = Files.readString(procEntry.resolve("stat"));
            // pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses, so parse after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException ex) {
            return -1; // the process ended meanwhile
        }
    }

    private static boolean resolvable(String program, Path workingDirectory) {
        if (program.contains("/")) {
            return Files.isExecutable(workingDirectory.resolve(program));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
