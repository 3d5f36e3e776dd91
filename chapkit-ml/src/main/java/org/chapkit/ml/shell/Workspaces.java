package org.chapkit.ml.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** File operations on shell workspaces: the project copy, zipping, extraction and removal. */
final class Workspaces {

    /** chapkit's exclude list for the project copy, matched against every file and directory name. */
    static final List<String> EXCLUDES = List.of(
            ".venv",
            "venv",
            "__pycache__",
            "*.pyc",
            "*.pyo",
            "*.egg-info",
            ".pytest_cache",
            ".mypy_cache",
            ".ruff_cache",
            "node_modules",
            ".git",
            ".gitignore",
            ".vscode",
            ".idea",
            ".DS_Store",
            "build",
            "dist",
            "*.so",
            "*.dylib",
            "*.db",
            "*.sqlite",
            "*.sqlite3");

    private static final List<PathMatcher> EXCLUDE_MATCHERS = EXCLUDES.stream()
            .map(pattern -> FileSystems.getDefault().getPathMatcher("glob:" + pattern))
            .toList();

    private Workspaces() {}

    static boolean excluded(Path name) {
        return EXCLUDE_MATCHERS.stream().anyMatch(matcher -> matcher.matches(name));
    }

    /** Copies {@code project} into {@code target}, skipping excluded names and {@code skip} (the temp root). */
    static void copyProject(Path project, Path target, Path skip) throws IOException {
        Path projectReal = project.toAbsolutePath().normalize();
        Path skipCandidate = skip.toAbsolutePath().normalize();
        // Only a temp root INSIDE the project is skipped (it would copy itself). A project that lives under the
        // temp root (e.g. a checkout in /tmp) is copied whole.
        Path skipReal =
                skipCandidate.startsWith(projectReal) && !skipCandidate.equals(projectReal) ? skipCandidate : null;
        Files.walkFileTree(project, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(project)
                        && (excluded(dir.getFileName())
                                || (skipReal != null
                                        && dir.toAbsolutePath().normalize().startsWith(skipReal)))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(project.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                // Like shutil.copytree(symlinks=False): a link to a file is copied as the file's content.
                if (!excluded(file.getFileName()) && (attrs.isRegularFile() || Files.isRegularFile(file))) {
                    Files.copy(
                            file,
                            target.resolve(project.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Bounds on a workspace archive: entries, total bytes (zipped when packing, unpacked when extracting) and the
     * unpacked-to-zipped ratio, so neither a runaway training script nor a zip bomb can exhaust heap or disk.
     *
     * @param maxEntries most files and directories
     * @param maxSize most bytes
     * @param maxRatio most unpacked bytes per archive byte, checked once 1 MB is unpacked
     */
    record Limits(int maxEntries, long maxSize, int maxRatio) {

        static final Limits DEFAULT = new Limits(
                ShellModelRunner.DEFAULT_MAX_WORKSPACE_ENTRIES,
                ShellModelRunner.DEFAULT_MAX_WORKSPACE_SIZE,
                ShellModelRunner.DEFAULT_MAX_WORKSPACE_RATIO);

        private static final long RATIO_FLOOR = 1024 * 1024;

        Limits {
            if (maxEntries < 1 || maxSize < 1 || maxRatio < 1) {
                throw new IllegalArgumentException("Workspace limits must be positive: " + maxEntries + " entries, "
                        + maxSize + " bytes, ratio " + maxRatio);
            }
            if (maxSize > Integer.MAX_VALUE - 8) {
                // the zipped workspace is one byte array
                throw new IllegalArgumentException("The workspace size limit must be below 2 GB, got " + maxSize);
            }
        }
    }

    static byte[] zip(Path dir) throws IOException {
        return zip(dir, Limits.DEFAULT);
    }

    static byte[] zip(Path dir, Limits limits) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (count + (long) len > limits.maxSize()) {
                    throw new UncheckedIOException(new IOException("The workspace zips to more than " + limits.maxSize()
                            + " bytes (chapkit.ml.shell.workspace.max-size)"));
                }
                super.write(b, off, len);
            }
        };
        int entries = 0;
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
                Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted().toList()) {
                if (path.equals(dir)) {
                    continue;
                }
                if (++entries > limits.maxEntries()) {
                    throw new IOException("The workspace has more than " + limits.maxEntries()
                            + " files (chapkit.ml.shell.workspace.max-entries)");
                }
                String name = dir.relativize(path).toString().replace('\\', '/');
                // Files only, no directory entries: chapkit walks files (rglob), so its archives hold none.
                if (Files.isRegularFile(path)) {
                    zip.putNextEntry(new ZipEntry(name));
                    Files.copy(path, zip);
                    zip.closeEntry();
                }
            }
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        return bytes.toByteArray();
    }

    /** Extracts a zip, refusing entries that would land outside {@code target} ("zip slip"). */
    static void unzip(byte[] archive, Path target) throws IOException {
        unzip(archive, target, Limits.DEFAULT);
    }

    /** Extracts a zip within {@code limits}, refusing entries that would land outside {@code target}. */
    static void unzip(byte[] archive, Path target, Limits limits) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        long[] written = {0};
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw new IOException("The workspace archive has more than " + limits.maxEntries()
                            + " entries (chapkit.ml.shell.workspace.max-entries)");
                }
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("Zip entry '" + entry.getName() + "' points outside the workspace");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (OutputStream out = Files.newOutputStream(destination)) {
                        copyWithin(zip, out, written, archive.length, limits);
                    }
                }
            }
        }
    }

    private static void copyWithin(InputStream in, OutputStream out, long[] written, long archiveSize, Limits limits)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            written[0] += n;
            if (written[0] > limits.maxSize()) {
                throw new IOException("The workspace archive unpacks to more than " + limits.maxSize()
                        + " bytes (chapkit.ml.shell.workspace.max-size)");
            }
            if (written[0] > Limits.RATIO_FLOOR && written[0] > Math.max(1, archiveSize) * limits.maxRatio()) {
                throw new IOException("The workspace archive unpacks more than " + limits.maxRatio()
                        + " times its size (a zip bomb?; chapkit.ml.shell.workspace.max-ratio)");
            }
            out.write(buffer, 0, n);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete workspace " + dir, e);
        }
    }
}
