package org.chapkit.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.chapkit.client.artifact.ArtifactClient;
import org.chapkit.client.cluster.ClusterClient;
import org.chapkit.client.config.ConfigClient;
import org.chapkit.client.config.ConfigTypeInfo;
import org.chapkit.client.event.EventClient;
import org.chapkit.client.health.HealthClient;
import org.chapkit.client.http.ChapkitHttp;
import org.chapkit.client.http.ChapkitJson;
import org.chapkit.client.info.ServiceInfo;
import org.chapkit.client.job.JobClient;
import org.chapkit.client.ml.MlClient;
import org.chapkit.client.model.ModelsClient;
import org.chapkit.client.schedule.ScheduleClient;
import org.chapkit.client.security.SecurityClient;
import org.chapkit.client.system.SystemClient;
import org.chapkit.client.task.TaskClient;
import org.chapkit.client.webhook.WebhookClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed client for a chapkit service (Java or Python). Needs only the JDK's {@link HttpClient} and Jackson.
 *
 * <pre>{@code
 * try (ChapkitClient client = ChapkitClient.builder().baseUrl("http://localhost:8000").build()) {
 *     ServiceInfo info = client.info();
 *     Config<MyConfig> config = client.configs(MyConfig.class).create("default", new MyConfig(3));
 *     JobSubmission job = client.ml().train(client.ml().sampleTrainData(SampleDataQuery.DEFAULTS)
 *             .toRequest(config.id()));
 *     client.jobs().waitForJob(job.jobId(), Duration.ofMinutes(5)).requireCompleted();
 * }
 * }</pre>
 *
 * <p>Every error response is thrown as {@link ChapkitProblemException}; transport failures as
 * {@link ChapkitClientException}. The client is thread-safe; close it to release the HTTP client's threads.
 */
public final class ChapkitClient implements AutoCloseable {

    private final ChapkitHttp http;
    private final HttpClient httpClient;
    private final boolean ownsHttpClient;
    private final HealthClient health;
    private final SystemClient system;
    private final ArtifactClient artifacts;
    private final JobClient jobs;
    private final MlClient ml;
    private final ModelsClient models;
    private final TaskClient tasks;
    private final ScheduleClient schedules;
    private final SecurityClient security;
    private final EventClient events;
    private final WebhookClient webhooks;
    private final ClusterClient cluster;

    private ChapkitClient(
            ChapkitClientSettings settings, HttpClient httpClient, boolean ownsHttpClient, JsonMapper mapper) {
        this.httpClient = httpClient;
        this.ownsHttpClient = ownsHttpClient;
        this.http = new ChapkitHttp(settings, httpClient, mapper);
        this.health = new HealthClient(http);
        this.system = new SystemClient(http);
        this.artifacts = new ArtifactClient(http);
        this.jobs = new JobClient(http);
        this.ml = new MlClient(http);
        this.models = new ModelsClient(http);
        this.tasks = new TaskClient(http);
        this.schedules = new ScheduleClient(http);
        this.security = new SecurityClient(http);
        this.events = new EventClient(http);
        this.webhooks = new WebhookClient(http);
        this.cluster = new ClusterClient(http);
    }

    /**
     * A client with default settings.
     *
     * @param baseUrl root URL of the service, for example {@code http://localhost:8000}
     * @return the client
     */
    public static ChapkitClient create(String baseUrl) {
        return builder().baseUrl(baseUrl).build();
    }

    /**
     * Starts building a client.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code GET /api/v1/info}.
     *
     * @return the service's identity and ML capabilities
     */
    public ServiceInfo info() {
        return http.get("/api/v1/info", ServiceInfo.class);
    }

    /**
     * Health checks ({@code /health}).
     *
     * @return the health client
     */
    public HealthClient health() {
        return health;
    }

    /**
     * System info and hosted apps ({@code /api/v1/system}).
     *
     * @return the system client
     */
    public SystemClient system() {
        return system;
    }

    /**
     * Configs ({@code /api/v1/configs}) with {@code data} read as {@code configType}.
     *
     * @param configType the service's config record (or {@code JsonNode.class} for untyped access)
     * @param <T> the config type
     * @return a config client for that type
     */
    public <T> ConfigClient<T> configs(Class<T> configType) {
        return new ConfigClient<>(http, Objects.requireNonNull(configType, "configType"));
    }

    /**
     * The configs of one config type ({@code /api/v1/config-types/{type}/configs}) with {@code data} read as
     * {@code configType}.
     *
     * @param type the config type's name, as {@link #configTypes()} lists it
     * @param configType that type's config record (or {@code JsonNode.class} for untyped access)
     * @param <T> the config type
     * @return a config client for that type
     */
    public <T> ConfigClient<T> configs(String type, Class<T> configType) {
        return new ConfigClient<>(http, type, Objects.requireNonNull(configType, "configType"));
    }

    /**
     * {@code GET /api/v1/config-types}: the service's config types with their schemas, the default type first.
     *
     * @return the types
     */
    public List<ConfigTypeInfo> configTypes() {
        return http.get(
                "/api/v1/config-types", null, http.types().constructCollectionType(List.class, ConfigTypeInfo.class));
    }

    /**
     * Artifacts ({@code /api/v1/artifacts}).
     *
     * @return the artifact client
     */
    public ArtifactClient artifacts() {
        return artifacts;
    }

    /**
     * Jobs ({@code /api/v1/jobs}).
     *
     * @return the job client
     */
    public JobClient jobs() {
        return jobs;
    }

    /**
     * ML operations ({@code /api/v1/ml}).
     *
     * @return the ML client
     */
    public MlClient ml() {
        return ml;
    }

    /**
     * The model registry ({@code /api/v1/models}) and the synchronous inference endpoints ({@code /v2},
     * {@code /invocations}).
     *
     * @return the models client
     */
    public ModelsClient models() {
        return models;
    }

    /**
     * Tasks ({@code /api/v1/tasks}).
     *
     * @return the task client
     */
    public TaskClient tasks() {
        return tasks;
    }

    /**
     * Schedules ({@code /api/v1/schedules}).
     *
     * @return the schedule client
     */
    public ScheduleClient schedules() {
        return schedules;
    }

    /**
     * Key management ({@code /api/v1/keys}) and the audit trail ({@code /api/v1/audit}) of a service with security on.
     *
     * @return the security client
     */
    public SecurityClient security() {
        return security;
    }

    /**
     * {@code /api/v1/events}: the event history and delivery state.
     *
     * @return the event client
     */
    public EventClient events() {
        return events;
    }

    /**
     * {@code /api/v1/webhooks}: webhook endpoints.
     *
     * @return the webhook client
     */
    public WebhookClient webhooks() {
        return webhooks;
    }

    /**
     * The cluster of a service in cluster mode ({@code /api/v1/cluster}).
     *
     * @return the cluster client
     */
    public ClusterClient cluster() {
        return cluster;
    }

    /**
     * The transport, for calling custom endpoints of a service with the same settings and error mapping.
     *
     * @return the transport
     */
    public ChapkitHttp http() {
        return http;
    }

    /** Closes the HTTP client if this client created it. */
    @Override
    public void close() {
        if (ownsHttpClient) {
            httpClient.close();
        }
    }

    /** Builds a {@link ChapkitClient}. */
    public static final class Builder {

        private URI baseUrl;
        private Duration connectTimeout;
        private Duration requestTimeout;
        private String apiKey;
        private String apiKeyHeader;
        private String bearerToken;
        private String userAgent;
        private JsonMapper mapper;
        private HttpClient httpClient;

        private Builder() {}

        /**
         * The service's root URL (required).
         *
         * @param baseUrl for example {@code http://localhost:8000}
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(baseUrl));
        }

        /**
         * The service's root URL (required).
         *
         * @param baseUrl for example {@code http://localhost:8000}
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * TCP connect timeout (default 10 s). Ignored when {@link #httpClient(HttpClient)} is given.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * Timeout for the response headers of ordinary calls (default 60 s); streams and downloads are not cut off.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * API key to send on every request.
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Name of the API-key header (default {@code X-API-Key}).
         *
         * @param headerName the header name
         * @return this builder
         */
        public Builder apiKeyHeader(String headerName) {
            this.apiKeyHeader = headerName;
            return this;
        }

        /**
         * OAuth2 access token (a JWT) to send on every request as {@code Authorization: Bearer <token>}, for a
         * service with JWT security on.
         *
         * @param bearerToken the token
         * @return this builder
         */
        public Builder bearerToken(String bearerToken) {
            this.bearerToken = bearerToken;
            return this;
        }

        /**
         * {@code User-Agent} to send (default {@code chapkit-java-client}).
         *
         * @param userAgent the user agent
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /**
         * A custom mapper; it should ignore unknown properties, as {@link ChapkitJson#newMapper()} does.
         *
         * @param mapper the mapper
         * @return this builder
         */
        public Builder jsonMapper(JsonMapper mapper) {
            this.mapper = mapper;
            return this;
        }

        /**
         * A preconfigured JDK client (proxy, TLS, executor). The chapkit client then does not close it.
         *
         * @param httpClient the HTTP client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalArgumentException if the base URL is missing or not absolute
         */
        public ChapkitClient build() {
            if (baseUrl == null) {
                throw new IllegalArgumentException("baseUrl is required");
            }
            ChapkitClientSettings settings = new ChapkitClientSettings(
                    baseUrl, connectTimeout, requestTimeout, apiKey, apiKeyHeader, userAgent, bearerToken);
            boolean owns = httpClient == null;
            HttpClient client = owns
                    ? HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(settings.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build()
                    : httpClient;
            return new ChapkitClient(settings, client, owns, mapper == null ? ChapkitJson.newMapper() : mapper);
        }
    }
}
