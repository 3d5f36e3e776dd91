package org.chapkit.client.ml;

import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} request body (RFC 7578) assembled from publishers, so file parts stream from disk. The
 * JDK's HTTP client has no multipart support of its own.
 */
final class MultipartBody {

    private final String boundary = "chapkit-" + UUID.randomUUID();
    private final List<BodyPublisher> pieces = new ArrayList<>();

    /** Adds a part holding JSON (no file name). */
    MultipartBody json(String name, byte[] json) {
        pieces.add(text(head(name, null, "application/json")));
        pieces.add(BodyPublishers.ofByteArray(json));
        pieces.add(text("\r\n"));
        return this;
    }

    /** Adds a file part. */
    MultipartBody file(String name, FrameFile file) {
        pieces.add(text(head(name, file.fileName(), file.contentType())));
        pieces.add(file.publisher());
        pieces.add(text("\r\n"));
        return this;
    }

    /** The request's {@code Content-Type}, naming the boundary. */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The whole body, closing boundary included. */
    BodyPublisher publisher() {
        List<BodyPublisher> all = new ArrayList<>(pieces);
        all.add(text("--" + boundary + "--\r\n"));
        return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
    }

    private String head(String name, String fileName, String contentType) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
        head.append("Content-Disposition: form-data; name=\"")
                .append(quoted(name))
                .append('"');
        if (fileName != null) {
            head.append("; filename=\"").append(quoted(fileName)).append('"');
        }
        head.append("\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
        return head.toString();
    }

    /** RFC 7578 §4.2: quotes and line breaks in names are percent-encoded, as browsers do. */
    private static String quoted(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static BodyPublisher text(String text) {
        return BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }
}
