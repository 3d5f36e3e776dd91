package org.chapkit.client.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * An open artifact download: read {@link #body()} as a stream and close this when done. Nothing is buffered.
 *
 * @param contentType the response's {@code Content-Type}
 * @param fileName the file name from {@code Content-Disposition}, or {@code null}
 * @param contentLength the {@code Content-Length}, empty when the body is chunked
 * @param body the body stream
 */
public record ArtifactContent(String contentType, String fileName, OptionalLong contentLength, InputStream body)
        implements AutoCloseable {

    /** Closes the body stream and releases the connection. */
    @Override
    public void close() throws IOException {
        body.close();
    }
}
