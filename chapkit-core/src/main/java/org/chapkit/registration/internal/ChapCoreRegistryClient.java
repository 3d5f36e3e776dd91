package org.chapkit.registration.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.chapkit.registration.RegistryReply;
import org.chapkit.registration.ServiceKeySource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * HTTP calls to chap-core's service registry ({@code rest_api/v2/routers/services.py}): {@code POST
 * /v2/services/$register}, {@code PUT /v2/services/{id}/$ping} and {@code DELETE /v2/services/{id}}, each with
 * {@code X-Service-Key} when a key is configured. Answers become {@link RegistryReply} values; nothing is thrown.
 */
public final class ChapCoreRegistryClient implements AutoCloseable {

    /** The header chap-core reads the registration key from. */
    public static final String KEY_HEADER = "X-Service-Key";

    private static final String REGISTER_SUFFIX = "/$register";
    private static final int DETAIL_LIMIT = 300;

    private final URI registerUrl;
    private final ServiceKeySource key;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final HttpClient http;

    /**
     * A client of one registry.
     *
     * @param orchestratorUrl chap-core's base URL ({@code http://chap:8000}) or its register endpoint ({@code
     *     http://chap:8000/v2/services/$register}, servicekit's {@code SERVICEKIT_ORCHESTRATOR_URL})
     * @param key where the key comes from
     * @param timeout connect and request time-out
     * @param mapper writes the request bodies and reads the answers
     */
    public ChapCoreRegistryClient(URI orchestratorUrl, ServiceKeySource key, Duration timeout, ObjectMapper mapper) {
        this.registerUrl = registerEndpoint(orchestratorUrl);
        this.key = key;
        this.timeout = timeout;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The register endpoint for a configured orchestrator URL: as given when it ends in {@code /$register}. */
    static URI registerEndpoint(URI orchestratorUrl) {
        String text = orchestratorUrl.toString();
        if (text.endsWith(REGISTER_SUFFIX)) {
            return orchestratorUrl;
        }
        return URI.create(stripTrailingSlash(text) + "/v2/services" + REGISTER_SUFFIX);
    }

    /** The endpoint registrations go to. */
    public URI registerUrl() {
        return registerUrl;
    }

    /** {@code DELETE} target for a service: the register endpoint without {@code /$register}, plus the id. */
    public URI deregisterUrl(String serviceId) {
        String base = registerUrl.toString();
        return URI.create(base.substring(0, base.length() - REGISTER_SUFFIX.length()) + "/" + serviceId);
    }

    /**
     * Registers (or updates) the service.
     *
     * @param serviceId the service's slug id (chap-core itself keys the entry by {@code info.id})
     * @param serviceUrl where chap-core reaches the service
     * @param info the {@code /api/v1/info} document
     */
    public RegistryReply register(String serviceId, URI serviceUrl, Object info) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", serviceId);
        body.put("url", serviceUrl.toString());
        body.put("info", info);
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (JacksonException ex) {
            return new RegistryReply.Unreachable("Cannot write the registration body: " + ex.getOriginalMessage());
        }
        return send("POST", registerUrl, HttpRequest.BodyPublishers.ofByteArray(json), answer -> {
            JsonNode node = answer.json();
            String ping = node.path("ping_url").asString("");
            if (ping.isBlank()) {
                return new RegistryReply.Rejected(answer.status(), "answer has no ping_url");
            }
            return new RegistryReply.Registered(
                    registerUrl.resolve(ping),
                    Duration.ofSeconds(node.path("ttl_seconds").asLong(0)),
                    node.path("message").asString(""));
        });
    }

    /** Sends one keepalive to the {@code ping_url} of the last registration. */
    public RegistryReply ping(URI pingUrl) {
        return send(
                "PUT",
                pingUrl,
                HttpRequest.BodyPublishers.noBody(),
                answer ->
                        new RegistryReply.Alive(answer.json().path("expires_at").asString("")));
    }

    /** Removes the service from the registry. */
    public RegistryReply deregister(String serviceId) {
        return send(
                "DELETE",
                deregisterUrl(serviceId),
                HttpRequest.BodyPublishers.noBody(),
                answer -> new RegistryReply.Deregistered());
    }

    private RegistryReply send(
            String method, URI uri, HttpRequest.BodyPublisher body, Function<Answer, RegistryReply> ok) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .method(method, body);
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/json");
        }
        try {
            Optional<String> current = key.current();
            current.ifPresent(value -> request.header(KEY_HEADER, value));
        } catch (UncheckedIOException ex) {
            return new RegistryReply.Unreachable(ex.getMessage());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException ex) {
            return new RegistryReply.Unreachable(method + " " + uri + " failed: " + describe(ex));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new RegistryReply.Unreachable(method + " " + uri + " was interrupted");
        }
        Answer answer = new Answer(response.statusCode(), response.body(), mapper);
        int status = answer.status();
        if (status >= 200 && status < 300) {
            try {
                return ok.apply(answer);
            } catch (JacksonException ex) {
                return new RegistryReply.Rejected(status, "unreadable answer: " + ex.getOriginalMessage());
            }
        }
        String detail = answer.detail();
        return switch (status) {
            case 404 -> new RegistryReply.NotFound(detail);
            case 401 -> new RegistryReply.Unauthorized(detail);
            default -> new RegistryReply.Rejected(status, detail);
        };
    }

    private static String describe(IOException ex) {
        String message = ex.getMessage();
        String type = ex.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    private static String stripTrailingSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() {
        http.close();
    }

    /** A received answer: status and body. */
    private record Answer(int status, byte[] body, ObjectMapper mapper) {

        JsonNode json() {
            return mapper.readTree(body);
        }

        /** FastAPI's {@code {"detail": "…"}} text, the JSON of a structured detail, or the start of the body. */
        String detail() {
            String text = new String(body, StandardCharsets.UTF_8);
            try {
                JsonNode detail = mapper.readTree(body).path("detail");
                if (detail.isString()) {
                    text = detail.asString();
                } else if (!detail.isMissingNode()) {
                    text = detail.toString();
                }
            } catch (JacksonException ex) {
                // not JSON (a proxy's HTML error page, say): the raw text is the best detail there is
            }
            text = text.strip();
            if (text.isEmpty()) {
                return "(no detail)";
            }
            return text.length() > DETAIL_LIMIT ? text.substring(0, DETAIL_LIMIT) + "…" : text;
        }
    }
}
