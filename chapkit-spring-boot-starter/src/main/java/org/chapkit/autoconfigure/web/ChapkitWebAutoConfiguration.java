package org.chapkit.autoconfigure.web;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Predicate;
import org.chapkit.contract.ContractGeneration;
import org.chapkit.crud.PageLimits;
import org.chapkit.problem.ProblemResponseWriter;
import org.chapkit.problem.internal.ProblemDetailsAdvice;
import org.chapkit.sse.SseStreamer;
import org.chapkit.web.DecompressionLimits;
import org.chapkit.web.RequestIdFilter;
import org.chapkit.web.internal.RequestSizeLimitFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web plumbing every chapkit endpoint relies on: RFC 9457 problem responses for every error (including the
 * container's error page), an {@code X-Request-ID} on every response, a request body size limit, and the shared SSE
 * streamer.
 */
@AutoConfiguration(
        before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, MultipartAutoConfiguration.class},
        after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ChapkitWebProperties.class)
public final class ChapkitWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(
            org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler.class)
    ProblemDetailsAdvice chapkitProblemDetailsAdvice(ObjectProvider<ContractGeneration> contract) {
        return new ProblemDetailsAdvice(generation(contract).problems());
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemResponseWriter chapkitProblemResponseWriter(JsonMapper mapper, ObjectProvider<ContractGeneration> contract) {
        return new ProblemResponseWriter(mapper, generation(contract).problems());
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController chapkitProblemErrorController(ObjectProvider<ContractGeneration> contract) {
        return new ProblemErrorController(generation(contract).problems());
    }

    private static ContractGeneration generation(ObjectProvider<ContractGeneration> contract) {
        return contract.getIfAvailable(() -> ContractGeneration.DEFAULT);
    }

    /**
     * What compressed bodies may expand to; the size defaults to {@code chapkit.artifacts.max-content-size} (1 GB),
     * the largest thing the service stores anyway.
     */
    @Bean
    @ConditionalOnMissingBean
    DecompressionLimits chapkitDecompressionLimits(ChapkitWebProperties properties, Environment environment) {
        DataSize size = properties.maxDecompressedSize() != null
                ? properties.maxDecompressedSize()
                : Binder.get(environment)
                        .bind("chapkit.artifacts.max-content-size", DataSize.class)
                        .orElse(DataSize.ofGigabytes(1));
        return new DecompressionLimits(size.toBytes(), properties.maxDecompressionRatio());
    }

    /** The largest page a list may ask for ({@code chapkit.web.max-page-size}). */
    @Bean
    @ConditionalOnMissingBean
    PageLimits chapkitPageLimits(ChapkitWebProperties properties) {
        return new PageLimits(properties.maxPageSize());
    }

    @Bean
    @ConditionalOnMissingBean
    SseStreamer chapkitSseStreamer(JsonMapper mapper) {
        return new SseStreamer(mapper);
    }

    /**
     * Multipart uploads ({@code $train}/{@code $predict} files) get the limit every other body has,
     * {@code chapkit.web.max-request-size}, for the request and for each part, instead of Spring Boot's 1 MB per part;
     * {@code spring.servlet.multipart.*} values that are set still win.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "spring.servlet.multipart.enabled", matchIfMissing = true)
    MultipartConfigElement chapkitMultipartConfigElement(ChapkitWebProperties properties, Environment environment) {
        Binder binder = Binder.get(environment);
        DataSize limit = properties.maxRequestSize();
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(binder.bind("spring.servlet.multipart.max-file-size", DataSize.class)
                .orElse(limit));
        factory.setMaxRequestSize(binder.bind("spring.servlet.multipart.max-request-size", DataSize.class)
                .orElse(limit));
        factory.setFileSizeThreshold(binder.bind("spring.servlet.multipart.file-size-threshold", DataSize.class)
                .orElse(DataSize.ofBytes(0)));
        binder.bind("spring.servlet.multipart.location", String.class).ifBound(factory::setLocation);
        return factory.createMultipartConfig();
    }

    @Bean
    @ConditionalOnMissingFilterBean(RequestIdFilter.class)
    FilterRegistrationBean<RequestIdFilter> chapkitRequestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("chapkitRequestIdFilter");
        return registration;
    }

    @Bean
    @ConditionalOnMissingFilterBean(RequestSizeLimitFilter.class)
    FilterRegistrationBean<RequestSizeLimitFilter> chapkitRequestSizeLimitFilter(
            ChapkitWebProperties properties,
            ProblemResponseWriter problems,
            ObjectProvider<RequestSizeExemption> exemptions) {
        Predicate<HttpServletRequest> exempt =
                request -> exemptions.orderedStream().anyMatch(e -> e.isExempt(request));
        RequestSizeLimitFilter filter =
                new RequestSizeLimitFilter(properties.maxRequestSize().toBytes(), exempt, problems);
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("chapkitRequestSizeLimitFilter");
        return registration;
    }
}
