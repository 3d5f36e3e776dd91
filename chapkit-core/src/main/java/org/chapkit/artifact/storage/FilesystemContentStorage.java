package org.chapkit.artifact.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.chapkit.id.Ulids;

/**
 * Content as files under a directory (a local disk or a shared volume every instance mounts):
 * {@code <directory>/<last two characters of the id>/<content id>}. An upload is written to {@code
 * <directory>/.incoming/} and moved into place only when complete, so a file under its id is always whole; an upload
 * cut off midway leaves an incoming file that the orphan sweep removes.
 */
public class FilesystemContentStorage implements ArtifactContentStorage {

    /** The backend's {@link #type()}. */
    public static final String TYPE = "filesystem";

    private static final String INCOMING = ".incoming";

    private final Path directory;

    /**
     * @param directory where content goes; created when missing
     * @throws ArtifactStorageException when it cannot be created
     */
    public FilesystemContentStorage(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.directory.resolve(INCOMING));
        } catch (IOException ex) {
            throw new ArtifactStorageException(
                    "Cannot create the artifact content directory " + this.directory + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The directory content is stored under. */
    public Path directory() {
        return directory;
    }

    @Override
    public ContentReference write(String contentId, InputStream in) {
        Path target = path(contentId);
        Path incoming = directory.resolve(INCOMING).resolve(contentId + "." + UUID.randomUUID() + ".part");
        DigestingInputStream digesting = new DigestingInputStream(in);
        try {
            try (OutputStream out = Files.newOutputStream(incoming)) {
                digesting.transferTo(out);
            }
            Files.createDirectories(target.getParent());
            Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return digesting.reference(contentId);
        } catch (IOException ex) {
            throw new ArtifactStorageException(
                    "Writing artifact content " + contentId + " to " + directory + " failed: " + ex.getMessage(), ex);
        } finally {
            deleteQuietly(incoming);
        }
    }

    @Override
    public InputStream open(ContentReference content) {
        try {
            return Files.newInputStream(path(content.contentId()));
        } catch (NoSuchFileException ex) {
            throw new ArtifactStorageException(
                    "Artifact content " + content.contentId() + " is missing from " + directory, ex);
        } catch (IOException ex) {
            throw new ArtifactStorageException(
                    "Reading artifact content " + content.contentId() + " failed: " + ex.getMessage(), ex);
        }
    }

    @Override
    public void delete(String contentId) {
        try {
            Files.deleteIfExists(path(contentId));
        } catch (IOException ex) {
            throw new ArtifactStorageException(
                    "Deleting artifact content " + contentId + " failed: " + ex.getMessage(), ex);
        }
    }

    /** Also removes incoming files older than {@code cutoff}: uploads that never finished. */
    @Override
    public void forEachWrittenBefore(Instant cutoff, Consumer<String> action) {
        FileTime limit = FileTime.from(cutoff);
        try (DirectoryStream<Path> buckets = Files.newDirectoryStream(directory)) {
            for (Path bucket : buckets) {
                boolean incoming = bucket.getFileName().toString().equals(INCOMING);
                if (!Files.isDirectory(bucket)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(bucket)) {
                    for (Path file : files) {
                        if (Files.getLastModifiedTime(file).compareTo(limit) >= 0) {
                            continue;
                        }
                        if (incoming) {
                            deleteQuietly(file);
                        } else if (Ulids.isValid(file.getFileName().toString())) {
                            action.accept(file.getFileName().toString());
                        }
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Listing " + directory + " failed: " + ex.getMessage(), ex);
        }
    }

    private Path path(String contentId) {
        String id = Ulids.requireValid(contentId);
        return directory
                .resolve(id.substring(id.length() - 2).toLowerCase(Locale.ROOT))
                .resolve(id);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // an incoming file left behind is removed by the next sweep
        }
    }
}
