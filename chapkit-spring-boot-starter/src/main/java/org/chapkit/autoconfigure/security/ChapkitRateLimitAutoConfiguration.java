package org.chapkit.autoconfigure.security;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import javax.sql.DataSource;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.db.ChapkitTables;
import org.chapkit.security.ratelimit.RateLimiter;
import org.chapkit.security.ratelimit.internal.BucketRateLimiter;
import org.chapkit.security.ratelimit.internal.LocalRateLimiter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Rate limits with Bucket4j: buckets in PostgreSQL ({@code security_rate_limit_buckets}) when the database is
 * PostgreSQL, so every instance draws from the same bucket; in memory otherwise. On with
 * {@code chapkit.security.rate-limit.enabled=true} (and security on).
 */
@AutoConfiguration(after = ChapkitDatabaseAutoConfiguration.class)
@ConditionalOnClass({SecurityFilterChain.class, io.github.bucket4j.Bucket.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("chapkit.security.enabled")
@ConditionalOnBooleanProperty("chapkit.security.rate-limit.enabled")
@EnableConfigurationProperties(ChapkitSecurityProperties.class)
public final class ChapkitRateLimitAutoConfiguration {

    private static final int MAX_LOCAL_BUCKETS = 100_000;

    @Bean
    @ConditionalOnMissingBean
    RateLimiter chapkitRateLimiter(
            ChapkitSecurityProperties properties,
            ObjectProvider<ChapkitSchema> schema,
            ObjectProvider<DataSource> dataSource) {
        String store = properties.rateLimit().store().trim().toLowerCase(java.util.Locale.ROOT);
        ChapkitSchema tables = schema.getIfAvailable();
        boolean postgres = tables != null && "postgresql".equals(tables.vendor());
        switch (store) {
            case "memory" -> {
                return new LocalRateLimiter(MAX_LOCAL_BUCKETS);
            }
            case "database" -> {
                if (!postgres) {
                    throw new IllegalStateException("chapkit.security.rate-limit.store=database needs PostgreSQL"
                            + " (the database is " + (tables == null ? "not configured" : tables.vendor())
                            + "); use auto or memory");
                }
                return database(dataSource.getObject(), tables.tables());
            }
            case "auto" -> {
                return postgres
                        ? database(dataSource.getObject(), tables.tables())
                        : new LocalRateLimiter(MAX_LOCAL_BUCKETS);
            }
            default ->
                throw new IllegalStateException(
                        "chapkit.security.rate-limit.store must be auto, database or memory, got '" + store + "'");
        }
    }

    private static RateLimiter database(DataSource dataSource, ChapkitTables chapkitTables) {
        return new BucketRateLimiter(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(chapkitTables.table("security_rate_limit_buckets"))
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .build());
    }
}
