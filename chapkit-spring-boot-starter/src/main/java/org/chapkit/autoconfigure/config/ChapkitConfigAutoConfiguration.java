package org.chapkit.autoconfigure.config;

import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.autoconfigure.json.ChapkitJsonConfiguration;
import org.chapkit.autoconfigure.json.ChapkitJsonMapper;
import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.config.AdditionalConfigType;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.ConfigDefinition;
import org.chapkit.config.ConfigDeletionHook;
import org.chapkit.config.ConfigManager;
import org.chapkit.config.ConfigType;
import org.chapkit.config.ConfigTypes;
import org.chapkit.config.DefaultConfig;
import org.chapkit.config.internal.ConfigController;
import org.chapkit.config.internal.ConfigRepository;
import org.chapkit.config.internal.ConfigTypeController;
import org.chapkit.contract.ContractGeneration;
import org.chapkit.crud.PageLimits;
import org.chapkit.event.EventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Typed configs: the config record (a {@link ConfigDefinition} bean, {@code chapkit.config.type}, or
 * {@link DefaultConfig}), its {@link ConfigManager} and {@code /api/v1/configs}; the additional config types
 * ({@link AdditionalConfigType} beans, {@code chapkit.config.additional-types}) in {@link ConfigTypes} and
 * {@code /api/v1/config-types}. Switch off with
 * {@code chapkit.config.enabled=false}.
 */
@AutoConfiguration(
        after = {
            ChapkitDatabaseAutoConfiguration.class,
            ChapkitWebAutoConfiguration.class,
            JacksonAutoConfiguration.class,
            ValidationAutoConfiguration.class,
            JdbcClientAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class
        })
@ConditionalOnBean({ChapkitSchema.class, JdbcClient.class, PlatformTransactionManager.class})
@ConditionalOnBooleanProperty(name = "chapkit.config.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChapkitConfigProperties.class)
@Import(ChapkitJsonConfiguration.class)
public final class ChapkitConfigAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConfigDefinition<? extends BaseConfig> chapkitConfigDefinition(ChapkitConfigProperties properties) {
        if (properties.type() == null || properties.type().isBlank()) {
            return ConfigDefinition.of(DefaultConfig.class);
        }
        String type = properties.type().trim();
        try {
            return ConfigDefinition.forClassName(type, Thread.currentThread().getContextClassLoader());
        } catch (IllegalArgumentException ex) {
            throw new InvalidConfigTypeException(type, ex);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    ConfigType<?> chapkitConfigType(ConfigDefinition<?> definition, ChapkitJsonMapper json, Validator validator) {
        return configType(definition, json, validator);
    }

    @Bean
    @ConditionalOnMissingBean
    ConfigRepository chapkitConfigRepository(ChapkitSchema schema, JdbcClient jdbc, ChapkitJsonMapper json) {
        return new ConfigRepository(schema.tables().jdbc(jdbc), json.mapper());
    }

    @Bean
    @ConditionalOnMissingBean
    ConfigManager<?> chapkitConfigManager(
            ConfigType<?> type,
            ConfigRepository repository,
            PlatformTransactionManager transactionManager,
            ObjectProvider<Clock> clock,
            ChapkitJsonMapper json,
            ObjectProvider<ConfigDeletionHook> deletionHooks,
            ObjectProvider<EventPublisher> events) {
        return manager(type, repository, transactionManager, clock, json, deletionHooks, events);
    }

    /**
     * The default type's manager and one per additional type: the {@link AdditionalConfigType} beans, then
     * {@code chapkit.config.additional-types}, each with its own {@link ConfigRepository} on the same table.
     */
    @Bean
    @ConditionalOnMissingBean
    ConfigTypes chapkitConfigTypes(
            ConfigManager<?> defaultType,
            ObjectProvider<AdditionalConfigType<?>> declared,
            ChapkitConfigProperties properties,
            ChapkitSchema schema,
            JdbcClient jdbc,
            Validator validator,
            PlatformTransactionManager transactionManager,
            ObjectProvider<Clock> clock,
            ChapkitJsonMapper json,
            ObjectProvider<ConfigDeletionHook> deletionHooks,
            ObjectProvider<EventPublisher> events) {
        List<AdditionalConfigType<?>> additional =
                new ArrayList<>(declared.orderedStream().toList());
        properties.additionalTypes().forEach((name, className) -> {
            try {
                additional.add(AdditionalConfigType.forClassName(
                        name, className.trim(), Thread.currentThread().getContextClassLoader()));
            } catch (IllegalArgumentException ex) {
                throw new InvalidConfigTypeException("chapkit.config.additional-types." + name, className, ex);
            }
        });
        List<ConfigManager<?>> managers = new ArrayList<>();
        for (AdditionalConfigType<?> type : additional) {
            ConfigType<?> configType = configType(type.definition(), json, validator);
            ConfigRepository repository = new ConfigRepository(schema.tables().jdbc(jdbc), json.mapper(), type.name());
            managers.add(manager(configType, repository, transactionManager, clock, json, deletionHooks, events));
        }
        return new ConfigTypes(defaultType, managers);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ConfigType<?> configType(
            ConfigDefinition<?> definition, ChapkitJsonMapper json, Validator validator) {
        return new ConfigType(definition, json.mapper(), validator);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ConfigManager<?> manager(
            ConfigType<?> type,
            ConfigRepository repository,
            PlatformTransactionManager transactionManager,
            ObjectProvider<Clock> clock,
            ChapkitJsonMapper json,
            ObjectProvider<ConfigDeletionHook> deletionHooks,
            ObjectProvider<EventPublisher> events) {
        return new ConfigManager(
                type,
                repository,
                new TransactionTemplate(transactionManager),
                clock.getIfAvailable(Clock::systemUTC),
                json.mapper(),
                deletionHooks.orderedStream().toList(),
                events.getIfAvailable(() -> EventPublisher.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ConfigController chapkitConfigController(
            ConfigManager<?> configs, ObjectProvider<ContractGeneration> contract, ObjectProvider<PageLimits> pages) {
        return new ConfigController(
                configs,
                contract.getIfAvailable(() -> ContractGeneration.DEFAULT),
                pages.getIfAvailable(() -> PageLimits.DEFAULT));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ConfigTypeController chapkitConfigTypeController(
            ConfigTypes types, ObjectProvider<ContractGeneration> contract, ObjectProvider<PageLimits> pages) {
        return new ConfigTypeController(
                types,
                contract.getIfAvailable(() -> ContractGeneration.DEFAULT),
                pages.getIfAvailable(() -> PageLimits.DEFAULT));
    }

    /** Shows the config record's schema as the type of {@code data} in the OpenAPI document. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class OpenApi {

        @Bean
        @ConditionalOnMissingBean
        ConfigSchemaOpenApiCustomizer chapkitConfigSchemaOpenApiCustomizer(ConfigType<?> type) {
            return new ConfigSchemaOpenApiCustomizer(type);
        }
    }
}
