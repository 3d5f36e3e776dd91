package org.chapkit.security.web;

import jakarta.servlet.DispatcherType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.chapkit.security.access.Access;
import org.chapkit.security.access.EndpointRule;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Builds chapkit's one {@link SecurityFilterChain}: stateless (no session, no CSRF token, no login page), Spring
 * Security's default headers on every response, optional CORS, and, when security is on, API keys and/or JWT, the
 * role table, the rate limiter and the audit trail.
 */
public final class ChapkitHttpSecurity {

    private final SecuritySettings settings;
    private final ProblemAuthenticationEntryPoint entryPoint;
    private final ProblemAccessDeniedHandler accessDenied;
    private final AuthenticationProvider apiKeyProvider;
    private final JwtDecoder jwtDecoder;
    private final Converter<Jwt, AbstractAuthenticationToken> jwtConverter;
    private final RateLimitFilter rateLimitFilter;
    private final AuditFilter auditFilter;
    private final CorsConfigurationSource cors;

    /**
     * @param settings what to build
     * @param entryPoint 401 answers
     * @param accessDenied 403 answers
     * @param apiKeyProvider verifies API keys ({@code null} when API keys are off)
     * @param jwtDecoder decodes bearer tokens ({@code null} when JWT is off)
     * @param jwtConverter maps a token to its role
     * @param rateLimitFilter the rate limiter ({@code null} when off)
     * @param auditFilter the audit trail ({@code null} when off)
     * @param cors the CORS configuration ({@code null} when off)
     */
    public ChapkitHttpSecurity(
            SecuritySettings settings,
            ProblemAuthenticationEntryPoint entryPoint,
            ProblemAccessDeniedHandler accessDenied,
            AuthenticationProvider apiKeyProvider,
            JwtDecoder jwtDecoder,
            Converter<Jwt, AbstractAuthenticationToken> jwtConverter,
            RateLimitFilter rateLimitFilter,
            AuditFilter auditFilter,
            CorsConfigurationSource cors) {
        this.settings = settings;
        this.entryPoint = entryPoint;
        this.accessDenied = accessDenied;
        this.apiKeyProvider = apiKeyProvider;
        this.jwtDecoder = jwtDecoder;
        this.jwtConverter = jwtConverter;
        this.rateLimitFilter = rateLimitFilter;
        this.auditFilter = auditFilter;
        this.cors = cors;
    }

    /** Applies chapkit's security to {@code http} and builds the chain. */
    public SecurityFilterChain build(HttpSecurity http) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.frameOptions(frame -> {
                    switch (settings.frameOptions().toUpperCase(Locale.ROOT)) {
                        case "NONE" -> frame.disable();
                        case "SAMEORIGIN" -> frame.sameOrigin();
                        default -> frame.deny();
                    }
                }));
        if (cors != null) {
            http.cors(c -> c.configurationSource(cors));
        } else {
            http.cors(AbstractHttpConfigurer::disable);
        }
        if (!settings.enabled()) {
            http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll());
            return http.build();
        }
        http.exceptionHandling(
                exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
        if (apiKeyProvider != null) {
            AuthenticationFilter apiKeys = new AuthenticationFilter(
                    new ProviderManager(apiKeyProvider), new ApiKeyAuthenticationConverter(settings.apiKeyHeader()));
            apiKeys.setSuccessHandler((request, response, authentication) -> {});
            apiKeys.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
            // As in servicekit, the exempt paths do not look at the key at all (a stale key does not lock out /health).
            apiKeys.setRequestMatcher(new NegatedRequestMatcher(publicPaths()));
            http.addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class);
        }
        if (jwtDecoder != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDenied)
                    .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(jwtConverter)));
        }
        if (rateLimitFilter != null) {
            http.addFilterAfter(rateLimitFilter, AnonymousAuthenticationFilter.class);
        }
        if (auditFilter != null) {
            http.addFilterAfter(auditFilter, SecurityContextHolderFilter.class);
        }
        http.authorizeHttpRequests(this::authorize);
        return http.build();
    }

    private RequestMatcher publicPaths() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> matchers = settings.unauthenticatedPaths().stream()
                .<RequestMatcher>flatMap(path -> java.util.stream.Stream.of(
                        paths.matcher(HttpMethod.GET, path), paths.matcher(HttpMethod.HEAD, path)))
                .toList();
        return matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
    }

    private void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        // Forwards, includes, async and error dispatches follow a request that was already authorized.
        a.dispatcherTypeMatchers(
                        DispatcherType.FORWARD, DispatcherType.INCLUDE, DispatcherType.ASYNC, DispatcherType.ERROR)
                .permitAll();
        for (String path : settings.unauthenticatedPaths()) {
            a.requestMatchers(paths.matcher(HttpMethod.GET, path), paths.matcher(HttpMethod.HEAD, path))
                    .permitAll();
        }
        for (EndpointRule rule : bySpecificity(settings.rules())) {
            var matched = rule.method() == null
                    ? a.requestMatchers(paths.matcher(rule.path()))
                    : a.requestMatchers(paths.matcher(rule.method(), rule.path()));
            if (rule.access() == Access.PUBLIC) {
                matched.permitAll();
            } else {
                matched.hasRole(rule.access().role().orElseThrow().name());
            }
        }
        // Hosted apps and other static files are reads; anything else not in the table needs an admin.
        a.requestMatchers(paths.matcher(HttpMethod.GET, "/**"), paths.matcher(HttpMethod.HEAD, "/**"))
                .hasRole(Access.VIEWER.name());
        a.anyRequest().hasRole(Access.ADMIN.name());
    }

    /** Rules ordered so that a literal segment wins over a variable one ({@code $schema} before {@code {id}}). */
    static List<EndpointRule> bySpecificity(List<EndpointRule> rules) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        Comparator<EndpointRule> specificity =
                Comparator.comparing(rule -> parser.parse(rule.path()), PathPattern.SPECIFICITY_COMPARATOR);
        return rules.stream().sorted(specificity).toList();
    }
}
