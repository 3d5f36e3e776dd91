package org.chapkit.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one rule for chapkit's timestamps: UTC, truncated to microseconds. Python's {@code datetime} (chapkit's wire
 * format) and both databases' {@code TIMESTAMP WITH TIME ZONE} hold microseconds, so an instant truncated here is
 * stored, read back and served unchanged (PostgreSQL would otherwise round nanoseconds, not truncate them).
 */
public final class UtcTimestamps {

    /** The precision of every stored and served instant. */
    public static final ChronoUnit PRECISION = ChronoUnit.MICROS;

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private UtcTimestamps() {}

    /**
     * The current instant of {@code clock}, truncated.
     *
     * @param clock the service's clock
     * @return now, at microsecond precision
     */
    public static Instant now(Clock clock) {
        return Instant.now(clock).truncatedTo(PRECISION);
    }

    /**
     * {@code instant} truncated to microseconds; {@code null} stays {@code null}.
     *
     * @param instant an instant, or {@code null}
     * @return the instant as it is stored
     */
    public static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(PRECISION);
    }

    /**
     * The JDBC parameter of a {@code TIMESTAMP WITH TIME ZONE} column: truncated, at offset UTC; {@code null} stays
     * {@code null}.
     *
     * @param instant an instant, or {@code null}
     * @return the column value
     */
    public static OffsetDateTime column(Instant instant) {
        return instant == null ? null : instant.truncatedTo(PRECISION).atOffset(ZoneOffset.UTC);
    }

    /**
     * Reads a {@code TIMESTAMP WITH TIME ZONE} column; SQL {@code NULL} is {@code null}.
     *
     * @param rs the result set, on a row
     * @param column the column's name
     * @return the instant, or {@code null}
     * @throws SQLException when the column cannot be read
     */
    public static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * The text pydantic writes for an aware UTC datetime in a response, {@code 2026-06-30T10:11:12.345678Z}, the
     * fraction omitted when it is zero.
     *
     * @param instant the instant
     * @return the text
     */
    public static String format(Instant instant) {
        return text(instant, "Z");
    }

    /**
     * Python's {@code datetime.isoformat()} of an aware UTC value, {@code 2026-06-30T10:11:12.345678+00:00}, the
     * fraction omitted when it is zero (how chapkit writes timestamps inside artifact data).
     *
     * @param instant the instant
     * @return the text
     */
    public static String isoformat(Instant instant) {
        return text(instant, "+00:00");
    }

    private static String text(Instant instant, String zone) {
        OffsetDateTime utc = instant.truncatedTo(PRECISION).atOffset(ZoneOffset.UTC);
        int micro = utc.getNano() / 1000;
        String seconds = SECONDS.format(utc);
        return (micro == 0 ? seconds : seconds + String.format(".%06d", micro)) + zone;
    }
}
