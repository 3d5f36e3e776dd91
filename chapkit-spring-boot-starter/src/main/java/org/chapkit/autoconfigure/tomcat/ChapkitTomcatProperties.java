package org.chapkit.autoconfigure.tomcat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Per-connection buffer sizes of the embedded Tomcat connector. Tomcat keeps these buffers for the whole life of a
 * request, so an open SSE subscription holds them all the time; chapkit's defaults are smaller than Tomcat's (8 KB
 * each) so a service holds more subscribers in the same heap. Set a value to {@code 8KB} to get Tomcat's default
 * back.
 *
 * @param socketReadBufferSize Tomcat's {@code socket.appReadBufSize}: the connection's read buffer; the request
 *     header buffer is this plus {@code server.max-http-request-header-size}, so the header limit is unchanged
 * @param socketWriteBufferSize Tomcat's {@code socket.appWriteBufSize}: the connection's write buffer; larger
 *     responses are written through it in chunks of this size
 * @param maxTrailerSize Tomcat's {@code maxTrailerSize}: the largest trailer section of a chunked request body.
 *     Tomcat allocates it up front for every connection, and drops trailer headers unless they are listed in its
 *     {@code allowedTrailerHeaders} (none by default)
 */
@ConfigurationProperties("chapkit.web.tomcat")
public record ChapkitTomcatProperties(
        @DefaultValue("4KB") DataSize socketReadBufferSize,
        @DefaultValue("4KB") DataSize socketWriteBufferSize,
        @DefaultValue("1KB") DataSize maxTrailerSize) {

    /** Rejects sizes Tomcat cannot use, naming the property. */
    public ChapkitTomcatProperties {
        requireBufferSize("socket-read-buffer-size", socketReadBufferSize);
        requireBufferSize("socket-write-buffer-size", socketWriteBufferSize);
        requireBufferSize("max-trailer-size", maxTrailerSize);
    }

    private static void requireBufferSize(String name, DataSize size) {
        if (size.toBytes() <= 0 || size.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "chapkit.web.tomcat." + name + " must be between 1 byte and 2 GB, got " + size);
        }
    }
}
