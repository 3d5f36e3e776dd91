package org.chapkit.autoconfigure.security;

import java.time.Clock;
import java.util.Map;
import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.problem.ProblemResponseWriter;
import org.chapkit.security.access.Role;
import org.chapkit.security.audit.AuditTrail;
import org.chapkit.security.key.ApiKeyManager;
import org.chapkit.security.key.ConfiguredApiKeys;
import org.chapkit.security.ratelimit.RateLimiter;
import org.chapkit.security.web.ApiKeyAuthenticationProvider;
import org.chapkit.security.web.AuditFilter;
import org.chapkit.security.web.Callers;
import org.chapkit.security.web.ChapkitHttpSecurity;
import org.chapkit.security.web.JwtRoleConverter;
import org.chapkit.security.web.ProblemAccessDeniedHandler;
import org.chapkit.security.web.ProblemAuthenticationEntryPoint;
import org.chapkit.security.web.ProblemRequestRejectedHandler;
import org.chapkit.security.web.RateLimitFilter;
import org.chapkit.security.web.SecurityHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * chapkit's one {@link SecurityFilterChain}, present whenever Spring Security is on the class path (the starter
 * brings it): Spring Security's default headers on every response, optional CORS, and with
 * {@code chapkit.security.enabled=true} API keys and/or JWT, the role table of docs/security.md, rate limits and the
 * audit trail. Replacing the chain is a matter of declaring a {@link SecurityFilterChain} bean.
 */
@AutoConfiguration(
        after = {
            ChapkitWebAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class,
            ChapkitApiKeysAutoConfiguration.class,
            ChapkitAuditAutoConfiguration.class,
            ChapkitRateLimitAutoConfiguration.class
        },
        before = {
            ServletWebSecurityAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        },
        beforeName =
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration")
@ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ChapkitSecurityProperties.class)
public final class ChapkitSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    static RoleHierarchy chapkitRoleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name())
                .implies(Role.OPERATOR.name())
                .role(Role.OPERATOR.name())
                .implies(Role.VIEWER.name())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    ConfiguredApiKeys chapkitConfiguredApiKeys(ChapkitSecurityProperties properties, Environment environment) {
        return SecuritySettingsFactory.configuredKeys(properties, environment);
    }

    /** Always a bean, so Spring Boot does not make its default user with a generated password. */
    @Bean
    @ConditionalOnMissingBean
    ApiKeyAuthenticationProvider chapkitApiKeyAuthenticationProvider(
            ConfiguredApiKeys configured, ObjectProvider<ApiKeyManager> managed) {
        return new ApiKeyAuthenticationProvider(configured, managed.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    Callers chapkitCallers(ChapkitSecurityProperties properties) {
        return new Callers(properties.apiKeyHeader());
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain chapkitSecurityFilterChain(
            HttpSecurity http,
            ChapkitSecurityProperties properties,
            ConfiguredApiKeys configured,
            ApiKeyAuthenticationProvider apiKeyProvider,
            ObjectProvider<ApiKeyManager> managed,
            ObjectProvider<JwtDecoder> jwtDecoder,
            ObjectProvider<RateLimiter> rateLimiter,
            ObjectProvider<AuditTrail> audit,
            ProblemResponseWriter problems,
            Callers callers,
            ObjectProvider<Clock> clock)
            throws Exception {
        JwtDecoder decoder = properties.enabled() ? jwtDecoder.getIfAvailable() : null;
        boolean apiKeys = configured.size() > 0 || managed.getIfAvailable() != null;
        SecuritySettingsFactory.checkCredentialsExist(properties, configured, decoder);
        RateLimiter limiter = rateLimiter.getIfAvailable();
        AuditTrail trail = audit.getIfAvailable();
        ProblemAuthenticationEntryPoint entryPoint =
                new ProblemAuthenticationEntryPoint(problems, properties.apiKeyHeader(), apiKeys || decoder == null);
        return new ChapkitHttpSecurity(
                        SecuritySettingsFactory.settings(properties, apiKeys),
                        entryPoint,
                        new ProblemAccessDeniedHandler(problems),
                        apiKeys ? apiKeyProvider : null,
                        decoder,
                        new JwtRoleConverter(
                                properties.jwt().rolesClaims(), properties.jwt().rolePrefix()),
                        limiter == null ? null : rateLimitFilter(properties, limiter, callers, problems),
                        trail == null ? null : new AuditFilter(trail, callers, clock.getIfAvailable(Clock::systemUTC)),
                        cors(properties.cors()))
                .build(http);
    }

    /** Picked up by Spring Security's {@code WebSecurity} for requests its firewall refuses. */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler chapkitRequestRejectedHandler(ProblemResponseWriter problems, SecurityHeaders headers) {
        return new ProblemRequestRejectedHandler(problems, headers);
    }

    /** The default headers, for responses that never pass the chain's header filter (Tomcat's own errors). */
    @Bean
    @ConditionalOnMissingBean
    SecurityHeaders chapkitSecurityHeaders(ChapkitSecurityProperties properties) {
        return new SecurityHeaders(properties.frameOptions());
    }

    @Bean
    SecurityOffWarning chapkitSecurityOffWarning(ChapkitSecurityProperties properties, Environment environment) {
        return new SecurityOffWarning(properties, environment);
    }

    private static RateLimitFilter rateLimitFilter(
            ChapkitSecurityProperties properties,
            RateLimiter limiter,
            Callers callers,
            ProblemResponseWriter problems) {
        ChapkitSecurityProperties.RateLimit limits = properties.rateLimit();
        Map<Role, org.chapkit.security.ratelimit.RateLimit> byRole = new java.util.EnumMap<>(Role.class);
        putIfSet(byRole, Role.VIEWER, RateLimitSpec.parse("viewer", limits.viewer()));
        putIfSet(byRole, Role.OPERATOR, RateLimitSpec.parse("operator", limits.operator()));
        putIfSet(byRole, Role.ADMIN, RateLimitSpec.parse("admin", limits.admin()));
        return new RateLimitFilter(
                limiter, callers, byRole, RateLimitSpec.parse("anonymous", limits.anonymous()), problems);
    }

    private static void putIfSet(
            Map<Role, org.chapkit.security.ratelimit.RateLimit> map,
            Role role,
            org.chapkit.security.ratelimit.RateLimit limit) {
        if (limit != null) {
            map.put(role, limit);
        }
    }

    private static UrlBasedCorsConfigurationSource cors(ChapkitSecurityProperties.Cors cors) {
        if (cors.allowedOrigins().isEmpty()) {
            return null;
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(cors.allowedMethods());
        configuration.setAllowedHeaders(cors.allowedHeaders());
        configuration.setExposedHeaders(cors.exposedHeaders());
        configuration.setMaxAge(cors.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }
}
