package org.chapkit.autoconfigure.format;

import org.chapkit.artifact.transfer.TabularFormat;
import org.chapkit.autoconfigure.json.ChapkitJsonConfiguration;
import org.chapkit.autoconfigure.json.ChapkitJsonMapper;
import org.chapkit.ml.format.DataFrameFormats;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Registers chapkit-ml's DataFrame formats ({@code csv}, {@code json}, {@code jsonl}, {@code parquet}) as
 * {@link TabularFormat} beans, used by {@code $download?format=}, {@code $export} and {@code $import}. Each bean can
 * be replaced by one of the same name; more formats are added by declaring further {@link TabularFormat} beans.
 * Parquet answers 406 until the optional Parquet and Hadoop client jars are added.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnClass(DataFrameFormats.class)
@ConditionalOnBooleanProperty(name = "chapkit.artifacts.enabled", matchIfMissing = true)
@Import(ChapkitJsonConfiguration.class)
public final class ChapkitDataFormatAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "chapkitCsvFormat")
    TabularFormat chapkitCsvFormat(ChapkitJsonMapper json) {
        return DataFrameFormats.csv(json.mapper());
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitJsonFormat")
    TabularFormat chapkitJsonFormat(ChapkitJsonMapper json) {
        return DataFrameFormats.json(json.mapper());
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitJsonLinesFormat")
    TabularFormat chapkitJsonLinesFormat(ChapkitJsonMapper json) {
        return DataFrameFormats.jsonLines(json.mapper());
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitParquetFormat")
    TabularFormat chapkitParquetFormat(ChapkitJsonMapper json) {
        return DataFrameFormats.parquet(json.mapper());
    }
}
