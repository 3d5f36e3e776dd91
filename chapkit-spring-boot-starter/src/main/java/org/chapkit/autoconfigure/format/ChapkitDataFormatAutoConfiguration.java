package org.chapkit.autoconfigure.format;

import org.chapkit.artifact.TabularFormat;
import org.chapkit.ml.format.DataFrameFormats;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers chapkit-ml's DataFrame formats ({@code csv}, {@code json}, {@code jsonl}, {@code parquet}) as
 * {@link TabularFormat} beans, used by {@code $download?format=}, {@code $export} and {@code $import}. Each bean can
 * be replaced by one of the same name; more formats are added by declaring further {@link TabularFormat} beans.
 * Parquet answers 406 until the optional Parquet and Hadoop client jars are added.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnClass(DataFrameFormats.class)
@ConditionalOnBooleanProperty(name = "chapkit.artifacts.enabled", matchIfMissing = true)
public final class ChapkitDataFormatAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "chapkitCsvFormat")
    TabularFormat chapkitCsvFormat(JsonMapper mapper) {
        return DataFrameFormats.csv(mapper);
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitJsonFormat")
    TabularFormat chapkitJsonFormat(JsonMapper mapper) {
        return DataFrameFormats.json(mapper);
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitJsonLinesFormat")
    TabularFormat chapkitJsonLinesFormat(JsonMapper mapper) {
        return DataFrameFormats.jsonLines(mapper);
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitParquetFormat")
    TabularFormat chapkitParquetFormat(JsonMapper mapper) {
        return DataFrameFormats.parquet(mapper);
    }
}
