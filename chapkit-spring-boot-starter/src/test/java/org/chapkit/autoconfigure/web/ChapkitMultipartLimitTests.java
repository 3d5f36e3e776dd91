package org.chapkit.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.MultipartConfigElement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Multipart uploads are bounded by {@code chapkit.web.max-request-size} unless Spring's own settings are given. */
class ChapkitMultipartLimitTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    ChapkitWebAutoConfiguration.class,
                    MultipartAutoConfiguration.class));

    @Test
    void partsAndRequestsGetTheChapkitBodyLimit() {
        runner.withPropertyValues("chapkit.web.max-request-size=25MB").run(context -> {
            MultipartConfigElement element = context.getBean(MultipartConfigElement.class);
            assertThat(element.getMaxFileSize()).isEqualTo(25L * 1024 * 1024);
            assertThat(element.getMaxRequestSize()).isEqualTo(25L * 1024 * 1024);
        });
    }

    @Test
    void springMultipartPropertiesThatAreSetStillWin() {
        runner.withPropertyValues("spring.servlet.multipart.max-file-size=2MB").run(context -> {
            MultipartConfigElement element = context.getBean(MultipartConfigElement.class);
            assertThat(element.getMaxFileSize()).isEqualTo(2L * 1024 * 1024);
            assertThat(element.getMaxRequestSize()).isEqualTo(10L * 1024 * 1024);
        });
    }

    @Test
    void aUserElementIsKept() {
        runner.withUserConfiguration(OwnElement.class)
                .run(context -> assertThat(
                                context.getBean(MultipartConfigElement.class).getMaxFileSize())
                        .isEqualTo(7));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnElement {

        @Bean
        MultipartConfigElement multipartConfigElement() {
            return new MultipartConfigElement(null, 7, 7, 0);
        }
    }
}
