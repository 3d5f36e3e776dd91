package org.chapkit.autoconfigure.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import org.chapkit.artifact.transfer.TabularFormat;
import org.chapkit.artifact.transfer.TabularSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

class ChapkitDataFormatAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(JacksonAutoConfiguration.class, ChapkitDataFormatAutoConfiguration.class));

    @Test
    void registersTheFourFormats() {
        runner.run(context -> assertThat(context.getBeansOfType(TabularFormat.class).values().stream()
                        .map(TabularFormat::name))
                .containsExactlyInAnyOrder("csv", "json", "jsonl", "parquet"));
    }

    @Test
    void aBeanOfTheSameNameReplacesAFormat() {
        runner.withUserConfiguration(OwnCsv.class).run(context -> {
            assertThat(context.getBean("chapkitCsvFormat", TabularFormat.class).mediaType())
                    .isEqualTo("text/x-own");
            assertThat(context.getBeansOfType(TabularFormat.class)).hasSize(4);
        });
    }

    @Test
    void artifactsDisabledRegistersNone() {
        runner.withPropertyValues("chapkit.artifacts.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TabularFormat.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCsv {

        @Bean
        TabularFormat chapkitCsvFormat() {
            return new TabularFormat() {
                @Override
                public String name() {
                    return "csv";
                }

                @Override
                public String mediaType() {
                    return "text/x-own";
                }

                @Override
                public String extension() {
                    return "csv";
                }

                @Override
                public void write(TabularSource source, OutputStream out) {}

                @Override
                public JsonNode read(InputStream in) {
                    return null;
                }
            };
        }
    }
}
