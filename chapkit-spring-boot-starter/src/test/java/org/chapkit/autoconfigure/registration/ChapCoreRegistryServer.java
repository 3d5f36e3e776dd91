package org.chapkit.autoconfigure.registration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chap-core service registry for tests, written from chap-core's source ({@code
 * chap_core/rest_api/v2/routers/services.py}, {@code rest_api/services/orchestrator.py}, {@code
 * rest_api/services/schemas.py}, {@code rest_api/v2/dependencies.py}; chap-core {@code c12ec12}, August 2026):
 *
 * <ul>
 *   <li>{@code POST /v2/services/$register} — key check (401 {@code {"detail":"Missing or invalid service key"}}),
 *       body validated as {@code RegistrationRequest} ({@code url} string, {@code info} an {@code MLServiceInfo}:
 *       slug {@code id}, {@code display_name}, {@code model_metadata}, {@code period_type} weekly|monthly; extra keys
 *       dropped; 422 in FastAPI's shape), keyed by {@code info.id}, latest wins, {@code registered_at} kept on
 *       update; answers {@code RegistrationResponse} with an absolute {@code ping_url} (request base URL + path).
 *   <li>{@code PUT /v2/services/{id}/$ping} — key check; 404 {@code "Service {id} not found"}; resets the TTL.
 *   <li>{@code GET /v2/services}, {@code GET /v2/services/{id}} — public.
 *   <li>{@code DELETE /v2/services/{id}} — key check; 204, or 404.
 * </ul>
 *
 * Entries expire {@code ttl} after their last registration or ping, as chap-core's Redis {@code SETEX} does (chap-core
 * uses 30 s; tests use less). {@link #forgetAll()} is a chap-core restart (Redis emptied); {@link #stop()} and {@link
 * #start()} take the port down and up. Every request is recorded for assertions.
 */
final class ChapCoreRegistryServer implements AutoCloseable {

    private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    private static final Pattern PING = Pattern.compile("^/v2/services/([^/]+)/\\$ping$");
    private static final Pattern ONE = Pattern.compile("^/v2/services/([^/$]+)$");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final Set<String> INFO_KEYS = Set.of(
            "id",
            "display_name",
            "version",
            "description",
            "model_metadata",
            "period_type",
            "min_prediction_periods",
            "max_prediction_periods",
            "allow_free_additional_continuous_covariates",
            "required_covariates",
            "requires_geo");
    private static final List<String> METADATA_KEYS = List.of(
            "author",
            "author_note",
            "author_assessed_status",
            "contact_email",
            "organization",
            "organization_logo_url",
            "citation_info",
            "repository_url",
            "documentation_url");

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Duration ttl;
    private final int port;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private volatile String requiredKey;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * A registry on a fixed port, not yet started.
     *
     * @param port the port to listen on ({@link #freePort()} to pick one)
     * @param ttl how long an entry lives without a registration or ping
     * @param requiredKey the {@code SERVICEKIT_REGISTRATION_KEY} chap-core checks, or null for no check
     */
    ChapCoreRegistryServer(int port, Duration ttl, String requiredKey) {
        this.port = port;
        this.ttl = ttl;
        this.requiredKey = requiredKey;
    }

    /** A registry started on a free port. */
    static ChapCoreRegistryServer started(Duration ttl, String requiredKey) {
        ChapCoreRegistryServer registry = new ChapCoreRegistryServer(freePort(), ttl, requiredKey);
        registry.start();
        return registry;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot listen on " + port, ex);
        }
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Takes the port down (chap-core is unreachable); entries are kept, as in Redis. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Changes the key chap-core expects (null: no check). */
    void requireKey(String key) {
        requiredKey = key;
    }

    /** chap-core restarted with an empty Redis: every registration is forgotten. */
    synchronized void forgetAll() {
        entries.clear();
    }

    /** The register endpoint, as servicekit's {@code SERVICEKIT_ORCHESTRATOR_URL} names it. */
    String registerUrl() {
        return baseUrl() + "/v2/services/$register";
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The live entry of a service, as {@code GET /v2/services/{id}} would return it. */
    synchronized Optional<Entry> service(String id) {
        expire();
        return Optional.ofNullable(entries.get(id));
    }

    /** How many entries are live, as {@code GET /v2/services} counts them. */
    synchronized int count() {
        expire();
        return entries.size();
    }

    /** Every request so far, in arrival order. */
    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests of one method whose path ends with {@code suffix}. */
    synchronized List<Request> requests(String method, String suffix) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().endsWith(suffix))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("X-Service-Key");
            Reply reply;
            synchronized (this) {
                expire();
                reply = route(
                        method, path, body, key, exchange.getRequestHeaders().getFirst("Host"));
                requests.add(new Request(
                        method,
                        path,
                        reply.status(),
                        System.nanoTime(),
                        key != null,
                        new String(body, StandardCharsets.UTF_8)));
            }
            byte[] out = reply.body() == null ? new byte[0] : mapper.writeValueAsBytes(reply.body());
            if (reply.body() != null) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }

    private Reply route(String method, String path, byte[] body, String key, String host) {
        if (path.equals("/v2/services/$register")) {
            return method.equals("POST") ? guarded(key, () -> register(body, host)) : notAllowed();
        }
        Matcher ping = PING.matcher(path);
        if (ping.matches()) {
            return method.equals("PUT") ? guarded(key, () -> ping(ping.group(1))) : notAllowed();
        }
        if (path.equals("/v2/services")) {
            return method.equals("GET") ? list() : notAllowed();
        }
        Matcher one = ONE.matcher(path);
        if (one.matches()) {
            String id = one.group(1);
            return switch (method) {
                case "GET" ->
                    entries.containsKey(id) ? new Reply(200, entries.get(id).toJson(mapper)) : notFound(id);
                case "DELETE" -> guarded(key, () -> entries.remove(id) != null ? new Reply(204, null) : notFound(id));
                default -> notAllowed();
            };
        }
        return new Reply(404, detail("Not Found"));
    }

    private Reply guarded(String key, Supplier<Reply> action) {
        String expected = requiredKey;
        if (expected != null && (key == null || !constantTimeEquals(key, expected))) {
            return new Reply(401, detail("Missing or invalid service key"));
        }
        return action.get();
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private Reply register(byte[] body, String host) {
        JsonNode payload;
        try {
            payload = mapper.readTree(body);
        } catch (JacksonException ex) {
            return validation("json_invalid", List.of("body"), "JSON decode error");
        }
        if (!payload.path("url").isString()) {
            return validation("missing", List.of("body", "url"), "Field required");
        }
        JsonNode info = payload.path("info");
        if (!info.isObject()) {
            return validation("missing", List.of("body", "info"), "Field required");
        }
        for (String required : List.of("id", "display_name", "model_metadata", "period_type")) {
            if (info.path(required).isMissingNode() || info.path(required).isNull()) {
                return validation("missing", List.of("body", "info", required), "Field required");
            }
        }
        String id = info.path("id").asString("");
        if (!SLUG.matcher(id).matches()) {
            return validation(
                    "value_error",
                    List.of("body", "info", "id"),
                    "Value error, Service ID must be slug format: lowercase letters, numbers, and hyphens (e.g.,"
                            + " 'my-service', 'chap-ewars')");
        }
        String period = info.path("period_type").asString("");
        if (!period.equals("weekly") && !period.equals("monthly")) {
            return validation("enum", List.of("body", "info", "period_type"), "Input should be 'weekly' or 'monthly'");
        }
        String now = now();
        Entry existing = entries.get(id);
        String url = payload.path("url").asString();
        Entry entry = new Entry(
                id,
                url,
                known(info),
                existing != null ? existing.registeredAt() : now,
                now,
                now,
                expiresAt(),
                deadline());
        entries.put(id, entry);
        ObjectNode answer = mapper.createObjectNode();
        answer.put("id", id);
        answer.put("status", "registered");
        answer.put("service_url", url);
        answer.put("message", existing != null ? "Service registration updated" : "Service registered successfully");
        answer.put("ttl_seconds", Math.max(1, ttl.toSeconds()));
        answer.put("ping_url", "http://" + host + "/v2/services/" + id + "/$ping");
        return new Reply(200, answer);
    }

    private Reply ping(String id) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return notFound(id);
        }
        String now = now();
        Entry renewed =
                new Entry(id, entry.url(), entry.info(), entry.registeredAt(), now, now, expiresAt(), deadline());
        entries.put(id, renewed);
        ObjectNode answer = mapper.createObjectNode();
        answer.put("id", id);
        answer.put("status", "alive");
        answer.put("last_ping_at", now);
        answer.put("expires_at", renewed.expiresAt());
        return new Reply(200, answer);
    }

    private Reply list() {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("count", entries.size());
        ArrayNode services = answer.putArray("services");
        entries.values().forEach(entry -> services.add(entry.toJson(mapper)));
        return new Reply(200, answer);
    }

    /** The info as chap-core stores it: its own {@code MLServiceInfo} model, so unknown keys are dropped. */
    private ObjectNode known(JsonNode info) {
        ObjectNode stored = mapper.createObjectNode();
        stored.put("id", info.path("id").asString());
        stored.put("display_name", info.path("display_name").asString());
        stored.put("version", info.path("version").asString("1.0.0"));
        stored.set(
                "description", info.path("description").isMissingNode() ? mapper.nullNode() : info.path("description"));
        ObjectNode metadata = stored.putObject("model_metadata");
        METADATA_KEYS.forEach(key -> metadata.set(
                key,
                info.path("model_metadata").path(key).isMissingNode()
                        ? mapper.nullNode()
                        : info.path("model_metadata").path(key)));
        stored.put("period_type", info.path("period_type").asString());
        stored.put("min_prediction_periods", info.path("min_prediction_periods").asInt(0));
        stored.put("max_prediction_periods", info.path("max_prediction_periods").asInt(100));
        stored.put(
                "allow_free_additional_continuous_covariates",
                info.path("allow_free_additional_continuous_covariates").asBoolean(false));
        stored.set(
                "required_covariates",
                info.path("required_covariates").isArray()
                        ? info.path("required_covariates")
                        : mapper.createArrayNode());
        stored.put("requires_geo", info.path("requires_geo").asBoolean(false));
        return stored;
    }

    private void expire() {
        long now = System.nanoTime();
        entries.values().removeIf(entry -> now - entry.deadline() >= 0);
    }

    private long deadline() {
        return System.nanoTime() + ttl.toNanos();
    }

    private String expiresAt() {
        return ISO.format(OffsetDateTime.now(ZoneOffset.UTC).plus(ttl));
    }

    private static String now() {
        return ISO.format(OffsetDateTime.now(ZoneOffset.UTC));
    }

    private Reply notFound(String id) {
        return new Reply(404, detail("Service " + id + " not found"));
    }

    private Reply notAllowed() {
        return new Reply(405, detail("Method Not Allowed"));
    }

    private ObjectNode detail(String text) {
        return mapper.createObjectNode().put("detail", text);
    }

    private Reply validation(String type, List<String> loc, String msg) {
        ObjectNode error = mapper.createObjectNode();
        error.put("type", type);
        ArrayNode path = error.putArray("loc");
        loc.forEach(path::add);
        error.put("msg", msg);
        ObjectNode answer = mapper.createObjectNode();
        answer.putArray("detail").add(error);
        return new Reply(422, answer);
    }

    /**
     * A registered service, as chap-core's {@code ServiceDetail}.
     *
     * @param id the service id
     * @param url where chap-core reaches it
     * @param info the stored info document
     * @param registeredAt first registration (kept on update)
     * @param lastUpdated last registration or ping
     * @param lastPingAt last ping (or registration)
     * @param expiresAt when the entry expires without a ping
     * @param deadline {@link System#nanoTime()} of expiry
     */
    record Entry(
            String id,
            String url,
            JsonNode info,
            String registeredAt,
            String lastUpdated,
            String lastPingAt,
            String expiresAt,
            long deadline) {

        ObjectNode toJson(JsonMapper mapper) {
            ObjectNode node = mapper.createObjectNode();
            node.put("id", id);
            node.put("url", url);
            node.set("info", info);
            node.put("registered_at", registeredAt);
            node.put("last_updated", lastUpdated);
            node.put("last_ping_at", lastPingAt);
            node.put("expires_at", expiresAt);
            return node;
        }

        URI uri() {
            return URI.create(url);
        }

        /** How long ago the service was first registered (without an expiry since). */
        Duration age() {
            return Duration.between(OffsetDateTime.parse(registeredAt, ISO), OffsetDateTime.now(ZoneOffset.UTC));
        }
    }

    /**
     * One request as the registry saw it.
     *
     * @param method HTTP method
     * @param path raw path
     * @param status the status answered
     * @param arrivedNanos {@link System#nanoTime()} on arrival
     * @param keySent whether an {@code X-Service-Key} header was present
     * @param body the request body as sent
     */
    record Request(String method, String path, int status, long arrivedNanos, boolean keySent, String body) {}

    private record Reply(int status, JsonNode body) {}
}
