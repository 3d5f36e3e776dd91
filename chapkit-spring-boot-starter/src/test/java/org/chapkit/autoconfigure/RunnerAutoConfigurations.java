package org.chapkit.autoconfigure;

import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** The auto-configurations every store-backed chapkit feature needs under an {@code ApplicationContextRunner}. */
public final class RunnerAutoConfigurations {

    /** Data source, transactions, {@code JdbcClient}, Jackson, Bean Validation and chapkit's schema. */
    public static final AutoConfigurations JDBC = AutoConfigurations.of(
            DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class,
            JdbcClientAutoConfiguration.class,
            JacksonAutoConfiguration.class,
            ValidationAutoConfiguration.class,
            ChapkitDatabaseAutoConfiguration.class);

    private RunnerAutoConfigurations() {}
}
