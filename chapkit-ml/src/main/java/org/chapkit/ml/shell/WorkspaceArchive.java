package org.chapkit.ml.shell;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.chapkit.ml.runner.ModelCodec;

/**
 * The "model" of the shell runner: the whole training workspace, zipped (stored as {@code application/zip}).
 *
 * @param zip the zip bytes
 */
public record WorkspaceArchive(byte[] zip) {

    /** The content type of workspace archives. */
    public static final String CONTENT_TYPE = "application/zip";

    /** Checks the bytes are present. */
    public WorkspaceArchive {
        Objects.requireNonNull(zip, "zip");
    }

    /**
     * The codec that stores the archive bytes as they are.
     *
     * @return the codec
     */
    public static ModelCodec<WorkspaceArchive> codec() {
        return ModelCodec.of(CONTENT_TYPE, WorkspaceArchive::zip, WorkspaceArchive::new);
    }

    /**
     * The workspace integrity check of {@code $validate} ({@code training_workspace_corrupted}): the archive must be
     * non-empty, a zip, and every entry must read back with a matching CRC (Python's {@code testzip}).
     *
     * @return what is wrong, or empty when the archive is sound
     */
    public Optional<String> corruption() {
        if (zip.length == 0) {
            return Optional.of("Training workspace is empty");
        }
        boolean localHeader = zip.length >= 4 && zip[0] == 'P' && zip[1] == 'K' && zip[2] == 3 && zip[3] == 4;
        boolean emptyArchive = zip.length >= 4 && zip[0] == 'P' && zip[1] == 'K' && zip[2] == 5 && zip[3] == 6;
        if ((!localHeader && !emptyArchive) || !hasEndOfCentralDirectory()) {
            return Optional.of("Training workspace is not a valid zip archive");
        }
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                drain(in);
            }
        } catch (IOException e) {
            return Optional.of("Training workspace is corrupted: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** A truncated archive has no end-of-central-directory record (searched over the maximum comment length). */
    private boolean hasEndOfCentralDirectory() {
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xFFFF); i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
                return true;
            }
        }
        return false;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        while (in.read(buffer) >= 0) {
            // reading to the end makes ZipInputStream verify the entry's CRC
        }
    }
}
