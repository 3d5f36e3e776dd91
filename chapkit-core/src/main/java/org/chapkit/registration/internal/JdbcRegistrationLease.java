package org.chapkit.registration.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.chapkit.db.ChapkitTables;
import org.chapkit.registration.RegistrationLease;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lease row in {@code registration_leases}, one per service id, shared by every instance on the database. Taking
 * or renewing is one conditional {@code UPDATE} (holder is me, or the lease has expired), so two instances can never
 * both succeed; expiry is judged by the database's clock, so the instances' clocks need not agree. An instance that
 * dies stops renewing and loses the lease after {@code duration}.
 */
public final class JdbcRegistrationLease implements RegistrationLease {

    private final JdbcClient jdbc;
    private final String name;
    private final String self;
    private final Duration duration;

    /**
     * A lease handle for one instance.
     *
     * @param dataSource the database every instance shares
     * @param name what is leased (the service id)
     * @param self this instance's name, stored as the holder
     * @param duration how long a taken or renewed lease lasts
     */
    public JdbcRegistrationLease(DataSource dataSource, String name, String self, Duration duration) {
        this(dataSource, ChapkitTables.DEFAULT, name, self, duration);
    }

    /**
     * A lease handle for one instance.
     *
     * @param dataSource the database every instance shares
     * @param tables the schema of {@code registration_leases}
     * @param name what is leased (the service id)
     * @param self this instance's name, stored as the holder
     * @param duration how long a taken or renewed lease lasts
     */
    public JdbcRegistrationLease(
            DataSource dataSource, ChapkitTables tables, String name, String self, Duration duration) {
        this.jdbc = tables.jdbc(JdbcClient.create(dataSource));
        this.name = name;
        this.self = self;
        this.duration = duration;
    }

    @Override
    public boolean acquire() {
        OffsetDateTime now =
                jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
        OffsetDateTime until = now.plus(duration);
        int updated = jdbc.sql("""
                        UPDATE registration_leases SET holder = :self, expires_at = :until, renewed_at = :now
                        WHERE name = :name AND (holder = :self OR expires_at < CURRENT_TIMESTAMP)""")
                .param("self", self)
                .param("until", until)
                .param("now", now)
                .param("name", name)
                .update();
        if (updated > 0) {
            return true;
        }
        try {
            jdbc.sql("""
                            INSERT INTO registration_leases (name, holder, expires_at, renewed_at)
                            VALUES (:name, :self, :until, :now)""")
                    .param("name", name)
                    .param("self", self)
                    .param("until", until)
                    .param("now", now)
                    .update();
            return true;
        } catch (DuplicateKeyException ex) {
            return false; // another instance holds an unexpired lease
        }
    }

    @Override
    public void release() {
        jdbc.sql("DELETE FROM registration_leases WHERE name = :name AND holder = :self")
                .param("name", name)
                .param("self", self)
                .update();
    }

    @Override
    public Optional<String> holder() {
        return jdbc.sql("SELECT holder FROM registration_leases WHERE name = :name AND expires_at >= CURRENT_TIMESTAMP")
                .param("name", name)
                .query(String.class)
                .optional();
    }

    @Override
    public String self() {
        return self;
    }
}
