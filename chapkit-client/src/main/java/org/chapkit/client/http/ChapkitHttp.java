package org.chapkit.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import org.chapkit.client.ChapkitClientException;
import org.chapkit.client.ChapkitClientSettings;
import org.chapkit.client.Versioned;
import org.chapkit.client.sse.SseEventReader;
import org.chapkit.client.sse.SseStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.TypeFactory;

/**
 * The HTTP transport behind the feature clients: builds URIs under the base URL, adds the common headers, maps
 * JSON in and out, and turns error responses into {@link org.chapkit.client.ChapkitProblemException}.
 *
 * <p>Users normally go through {@link org.chapkit.client.ChapkitClient}; this class is public so that feature
 * clients in other packages (and extensions for custom routers) can share it.
 */
public final class ChapkitHttp {

    private static final String JSON = "application/json";

    private final ChapkitClientSettings settings;
    private final HttpClient client;
    private final JsonMapper mapper;
    private final String base;

    /**
     * Creates the transport.
     *
     * @param settings connection settings
     * @param client the JDK HTTP client to send with
     * @param mapper the mapper for request and response bodies
     */
    public ChapkitHttp(ChapkitClientSettings settings, HttpClient client, JsonMapper mapper) {
        this.settings = settings;
        this.client = client;
        this.mapper = mapper;
        String url = settings.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The mapper used for bodies.
     *
     * @return the mapper
     */
    public JsonMapper mapper() {
        return mapper;
    }

    /**
     * The settings this transport was built with.
     *
     * @return the settings
     */
    public ChapkitClientSettings settings() {
        return settings;
    }

    /**
     * The mapper's type factory, for building generic {@link JavaType}s.
     *
     * @return the type factory
     */
    public TypeFactory types() {
        return mapper.getTypeFactory();
    }

    /**
     * Percent-encodes one path segment (an id or a task name), leaving RFC 3986 unreserved characters as they are.
     *
     * @param segment the raw segment
     * @return the encoded segment
     */
    public static String segment(String segment) {
        if (segment == null || segment.isEmpty()) {
            throw new IllegalArgumentException("path segment must not be empty");
        }
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A duration as decimal seconds, the form of chapkit's {@code poll_interval} query parameters.
     *
     * @param duration the duration
     * @return for example {@code 0.5}
     */
    public static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString();
    }

    /**
     * Resolves a path (starting with {@code /}) and optional query parameters against the base URL. {@code null}
     * query values are skipped; an {@link Iterable} value repeats the parameter once per element
     * ({@code tags=a&tags=b}).
     *
     * @param path the path, already encoded
     * @param query query parameters in order, or {@code null}
     * @return the absolute URI
     */
    public URI uri(String path, Map<String, ?> query) {
        StringBuilder url = new StringBuilder(base).append(path);
        if (query != null && !query.isEmpty()) {
            StringJoiner joined = new StringJoiner("&");
            query.forEach((name, value) -> {
                if (value instanceof Iterable<?> values) {
                    values.forEach(each -> joined.add(parameter(name, each)));
                } else if (value != null) {
                    joined.add(parameter(name, value));
                }
            });
            if (joined.length() > 0) {
                url.append('?').append(joined);
            }
        }
        return URI.create(url.toString());
    }

    private static String parameter(String name, Object value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }

    /**
     * Sends a JSON request and reads the JSON response.
     *
     * @param method HTTP method
     * @param path path under the base URL
     * @param query query parameters, or {@code null}
     * @param body request body to serialise as JSON, or {@code null} for none
     * @param responseType type of the response body, or {@code null} to discard it
     * @param <T> the response type
     * @return the decoded body, or {@code null} for a 204, an empty body or a {@code null} response type
     */
    public <T> T exchange(String method, String path, Map<String, ?> query, Object body, JavaType responseType) {
        Versioned<T> result = exchange(method, path, query, body, responseType, null);
        return result.value();
    }

    /**
     * Sends a JSON request with an optional {@code If-Match} header and reads the JSON response together with its
     * {@code ETag}: optimistic locking of configs and artifacts (a mismatch is answered with 409).
     *
     * @param method HTTP method
     * @param path path under the base URL
     * @param query query parameters, or {@code null}
     * @param body request body to serialise as JSON, or {@code null} for none
     * @param responseType type of the response body, or {@code null} to discard it
     * @param ifMatch the {@code If-Match} header (an ETag such as {@code "3"}), or {@code null} for none
     * @param <T> the response type
     * @return the decoded body (or {@code null} as for {@link #exchange(String, String, Map, Object, JavaType)})
     *     with the response's {@code ETag}
     */
    public <T> Versioned<T> exchange(
            String method, String path, Map<String, ?> query, Object body, JavaType responseType, String ifMatch) {
        URI uri = uri(path, query);
        HttpRequest.Builder request = request(uri, settings.requestTimeout()).header("Accept", JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.header("Content-Type", JSON).method(method, BodyPublishers.ofByteArray(write(body)));
        } else {
            request.method(method, BodyPublishers.noBody());
        }
        HttpResponse<InputStream> response = send(method, uri, request.build());
        String etag = response.headers().firstValue("ETag").orElse(null);
        try (InputStream in = response.body()) {
            if (response.statusCode() == 204 || responseType == null) {
                in.transferTo(OutputStream.nullOutputStream());
                return new Versioned<>(null, etag);
            }
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return new Versioned<>(null, etag);
            }
            return new Versioned<>(mapper.readValue(bytes, responseType), etag);
        } catch (IOException e) {
            throw new ChapkitClientException(method + " " + uri + ": reading the response failed", e);
        } catch (JacksonException e) {
            throw new ChapkitClientException(
                    method + " " + uri + ": response is not a valid " + responseType.toCanonical(), e);
        }
    }

    /**
     * {@code GET} a JSON resource.
     *
     * @param path path under the base URL
     * @param query query parameters, or {@code null}
     * @param responseType response type
     * @param <T> the response type
     * @return the decoded body
     */
    public <T> T get(String path, Map<String, ?> query, JavaType responseType) {
        return exchange("GET", path, query, null, responseType);
    }

    /**
     * {@code GET} a JSON resource.
     *
     * @param path path under the base URL
     * @param responseType response type
     * @param <T> the response type
     * @return the decoded body
     */
    public <T> T get(String path, Class<T> responseType) {
        return exchange("GET", path, null, null, types().constructType(responseType));
    }

    /**
     * Opens a streaming response (SSE, downloads): the status is checked, then the caller owns the body stream
     * and must close it. No request timeout applies, so endless streams stay open.
     *
     * @param method HTTP method
     * @param path path under the base URL
     * @param query query parameters, or {@code null}
     * @param accept the {@code Accept} header
     * @return the response, with its body unread
     */
    public HttpResponse<InputStream> open(String method, String path, Map<String, ?> query, String accept) {
        return open(method, path, query, accept, Map.of());
    }

    /**
     * Opens a streaming response with extra request headers (for example {@code Accept-Encoding}); otherwise as
     * {@link #open(String, String, Map, String)}.
     *
     * @param method HTTP method
     * @param path path under the base URL
     * @param query query parameters, or {@code null}
     * @param accept the {@code Accept} header
     * @param headers further request headers
     * @return the response, with its body unread
     */
    public HttpResponse<InputStream> open(
            String method, String path, Map<String, ?> query, String accept, Map<String, String> headers) {
        URI uri = uri(path, query);
        HttpRequest.Builder request = request(uri, null).header("Accept", accept);
        headers.forEach(request::header);
        return send(method, uri, request.method(method, BodyPublishers.noBody()).build());
    }

    /**
     * Opens a server-sent event stream and decodes each frame's {@code data} as JSON.
     *
     * @param path path under the base URL
     * @param query query parameters, or {@code null}
     * @param payloadType type of each frame's payload
     * @param <T> the payload type
     * @return the open stream; the caller must close it
     */
    public <T> SseStream<T> events(String path, Map<String, ?> query, JavaType payloadType) {
        HttpResponse<InputStream> response = open("GET", path, query, "text/event-stream");
        URI uri = response.uri();
        return new SseStream<>(new SseEventReader(response.body()), data -> {
            try {
                return mapper.readValue(data, payloadType);
            } catch (JacksonException e) {
                throw new ChapkitClientException(
                        uri + ": event is not a valid " + payloadType.toCanonical() + ": " + data, e);
            }
        });
    }

    /**
     * Sends a streamed body (an upload) and reads the JSON response.
     *
     * @param method HTTP method
     * @param path path under the base URL
     * @param contentType the request's {@code Content-Type}
     * @param body the body publisher (for example {@code BodyPublishers.ofInputStream})
     * @param timeout how long to wait for the response after the upload started, or {@code null} for no limit
     * @param responseType response type, or {@code null} to discard it
     * @param <T> the response type
     * @return the decoded response, or {@code null} for a 204 or an empty body
     */
    public <T> T upload(
            String method,
            String path,
            String contentType,
            BodyPublisher body,
            Duration timeout,
            JavaType responseType) {
        return upload(method, path, null, contentType, body, timeout, responseType);
    }

    /**
     * Sends a streamed body (an upload) with query parameters and reads the JSON response.
     *
     * @param method HTTP method
     * @param path path under the base URL
     * @param query query parameters, or {@code null}
     * @param contentType the request's {@code Content-Type}
     * @param body the body publisher (for example {@code BodyPublishers.ofInputStream})
     * @param timeout how long to wait for the response after the upload started, or {@code null} for no limit
     * @param responseType response type, or {@code null} to discard it
     * @param <T> the response type
     * @return the decoded response, or {@code null} for a 204 or an empty body
     */
    public <T> T upload(
            String method,
            String path,
            Map<String, ?> query,
            String contentType,
            BodyPublisher body,
            Duration timeout,
            JavaType responseType) {
        HttpResponse<InputStream> response = openUpload(method, path, query, contentType, body, timeout);
        URI uri = response.uri();
        try (InputStream in = response.body()) {
            byte[] bytes = in.readAllBytes();
            if (response.statusCode() == 204 || responseType == null || bytes.length == 0) {
                return null;
            }
            return mapper.readValue(bytes, responseType);
        } catch (IOException e) {
            throw new ChapkitClientException(method + " " + uri + ": reading the response failed", e);
        } catch (JacksonException e) {
            throw new ChapkitClientException(method + " " + uri + ": unexpected response body", e);
        }
    }

    /**
     * Sends a streamed body (an upload) and returns the response with its JSON body unread, for callers that parse
     * a large answer as a stream. The status is checked; the caller must close the body.
     *
     * @param method HTTP method
     * @param path path under the base URL
     * @param query query parameters, or {@code null}
     * @param contentType the request's {@code Content-Type}
     * @param body the body publisher
     * @param timeout how long to wait for the response after the upload started, or {@code null} for no limit
     * @return the response, with its body unread
     */
    public HttpResponse<InputStream> openUpload(
            String method,
            String path,
            Map<String, ?> query,
            String contentType,
            BodyPublisher body,
            Duration timeout) {
        URI uri = uri(path, query);
        HttpRequest request = request(uri, timeout)
                .header("Accept", JSON)
                .header("Content-Type", contentType)
                .method(method, body)
                .build();
        return send(method, uri, request);
    }

    private HttpRequest.Builder request(URI uri, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("User-Agent", settings.userAgent());
        if (timeout != null) {
            builder.timeout(timeout);
        }
        if (settings.apiKey() != null) {
            builder.header(settings.apiKeyHeader(), settings.apiKey());
        }
        if (settings.bearerToken() != null) {
            builder.header("Authorization", "Bearer " + settings.bearerToken());
        }
        TraceContextPropagation.propagate(builder);
        return builder;
    }

    private HttpResponse<InputStream> send(String method, URI uri, HttpRequest request) {
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ChapkitClientException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChapkitClientException(method + " " + uri + " was interrupted", e);
        }
        if (response.statusCode() >= 400) {
            throw ProblemDecoder.decode(mapper, method, uri, response);
        }
        return response;
    }

    private byte[] write(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new ChapkitClientException(
                    "Cannot serialise request body " + body.getClass().getName(), e);
        }
    }
}
