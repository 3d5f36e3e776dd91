package org.chapkit.client.artifact;

import java.util.Optional;

/**
 * What a completed download wrote.
 *
 * @param contentType the response's {@code Content-Type}
 * @param fileName the file name from {@code Content-Disposition}, or {@code null}
 * @param bytes number of bytes written
 */
public record ArtifactDownload(String contentType, String fileName, long bytes) {

    /**
     * The suggested file name, if the server sent one.
     *
     * @return the file name
     */
    public Optional<String> suggestedFileName() {
        return Optional.ofNullable(fileName);
    }
}
